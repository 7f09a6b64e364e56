/* keyset.c - a fixed-size set of 64-bit keys (keyset.h). */
#include <string.h>
#include "keyset.h"

void keyset_init(keyset *s, keyset_slot *slots, size_t cap)
{
    s->slots = slots;
    s->cap = cap;
    s->mask = cap - 1;
    s->count = KEYSET_LOG + 1;   /* so that the clear below wipes every slot */
    keyset_clear(s);
}

/* Most documents leave a few keys in sets of hundreds of slots, and a
 * set is cleared for every document: zeroing only the slots taken saves
 * writing kilobytes for each. */
void keyset_clear(keyset *s)
{
    if (s->count > KEYSET_LOG) {
        memset(s->slots, 0, s->cap * sizeof *s->slots);
    } else {
        for (size_t k = 0; k < s->count; k++)
            s->slots[s->used[k]] = (keyset_slot){ 0 };
    }
    s->count = 0;
}

int keyset_full(const keyset *s)
{
    return s->count >= s->cap / 4 * 3;
}

/* Where the key is, or the empty slot where it would go. */
static size_t keyset_probe(const keyset *s, uint64_t key)
{
    size_t i = (size_t)key & s->mask;
    while (s->slots[i].key != 0 && s->slots[i].key != key)
        i = (i + 1) & s->mask;
    return i;
}

keyset_slot *keyset_find(const keyset *s, uint64_t key)
{
    key += key == 0;
    keyset_slot *slot = &s->slots[keyset_probe(s, key)];
    return slot->key == key ? slot : NULL;
}

keyset_slot *keyset_add(keyset *s, uint64_t key)
{
    key += key == 0;
    size_t i = keyset_probe(s, key);
    if (s->slots[i].key == key)
        return &s->slots[i];
    if (keyset_full(s)) {
        keyset_clear(s);
        i = keyset_probe(s, key);
    }
    if (s->count < KEYSET_LOG)
        s->used[s->count] = (uint16_t)i;
    s->count++;
    s->slots[i].key = key;
    return &s->slots[i];
}
