/* keyset.h - a fixed-size set of 64-bit keys, each with two counters for
 * the caller, by open addressing with linear probing.  The storage is the
 * caller's (no allocation).  When three quarters full it forgets all it
 * held before taking a new key: a document's memories (headlines, kept
 * paragraphs, containers) are of its recent part, bounded, never a record
 * of all of it. */
#ifndef KEYSET_H
#define KEYSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct keyset_slot {
    uint64_t key;            /* 0: empty (key 0 is stored as 1) */
    uint32_t a, b;           /* the caller's: zero when the key is added */
} keyset_slot;

/* Slots a clear zeroes one by one, when no more were taken; past that
 * it clears them all. */
#define KEYSET_LOG 64

typedef struct keyset {
    keyset_slot *slots;
    size_t cap, count;
    size_t mask;               /* cap - 1: a key's home slot is key & mask */
    uint16_t used[KEYSET_LOG]; /* the slots taken, while count <= KEYSET_LOG */
} keyset;

/* An empty set over slots[0..cap), which the caller keeps; cap is a
 * power of two, at most 65536 (a key's home slot is then its low bits:
 * no division, which took 1.2% of text mode's time, issue 20). */
void keyset_init(keyset *s, keyset_slot *slots, size_t cap);

/* Forget every key. */
void keyset_clear(keyset *s);

/* Whether adding a new key would first forget every key. */
int keyset_full(const keyset *s);

/* The key's slot, or NULL when it is not in the set. */
keyset_slot *keyset_find(const keyset *s, uint64_t key);

/* The key's slot, added (forgetting every key first when full) when it
 * is not in the set. */
keyset_slot *keyset_add(keyset *s, uint64_t key);

#endif
