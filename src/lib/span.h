/* span.h - the length of a run of bytes of one kind: the blanks that
 * indent and pad the lines of text dumps, which can be long, and the
 * bytes that a JSON string holds as they are.
 *
 * Where the compiler targets SSE2 (the baseline of x86-64) a run is
 * compared sixteen bytes a step; elsewhere eight at a time as a 64-bit
 * word.  Both paths are compiled where SSE2 is, so that the tests can hold
 * one to the other (check_utf8.c).  Callers look at the first byte
 * themselves when a run is most often empty or one byte long. */
#ifndef SPAN_H
#define SPAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* How many bytes from s[0] on equal c, at most n: eight at a time. */
static inline size_t span_byte_portable(const unsigned char *s, size_t n, unsigned char c)
{
    const uint64_t pat = 0x0101010101010101ull * c;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        if (v != pat)
            break;   /* the byte that differs is found below */
    }
    while (i < n && s[i] == c)
        i++;
    return i;
}

/* How many bytes before s[n] equal c, at most n: eight at a time. */
static inline size_t span_byte_back_portable(const unsigned char *s, size_t n, unsigned char c)
{
    const uint64_t pat = 0x0101010101010101ull * c;
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t v;
        memcpy(&v, s + n - k - 8, 8);
        if (v != pat)
            break;
    }
    while (k < n && s[n - k - 1] == c)
        k++;
    return k;
}

/* Whether b is printable ASCII other than '"' and '\\': a byte a JSON
 * string holds as it is. */
static inline int span_json_plain_byte(unsigned char b)
{
    return b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
}

/* How many bytes from s[0] on span_json_plain_byte() takes, at most n:
 * eight at a time, by the bit tricks that tell whether a word holds a
 * byte below a bound or a zero byte (of it xor a value) without looking
 * at each. */
static inline size_t span_json_plain_portable(const unsigned char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');
        uint64_t low = (v - ones * 0x20) & ~v & high;   /* below 0x20 (or 0x80 and up) */
        uint64_t eq = ((q - ones) & ~q & high) | ((b - ones) & ~b & high);
        if (low | (v & high) | eq)
            break;   /* the byte is found below */
    }
    while (i < n && span_json_plain_byte(s[i]))
        i++;
    return i;
}

#ifdef __SSE2__
static inline size_t span_byte_sse2(const unsigned char *s, size_t n, unsigned char c)
{
    const __m128i pat = _mm_set1_epi8((char)c);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned same = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, pat));
        if (same != 0xFFFF)
            return i + (size_t)__builtin_ctz(~same);   /* the first that differs */
    }
    while (i < n && s[i] == c)
        i++;
    return i;
}

static inline size_t span_byte_back_sse2(const unsigned char *s, size_t n, unsigned char c)
{
    const __m128i pat = _mm_set1_epi8((char)c);
    size_t k = 0;
    for (; k + 16 <= n; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - k - 16));
        unsigned same = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, pat));
        if (same != 0xFFFF)   /* the last that differs: the highest clear bit */
            return k + (size_t)__builtin_clz((~same & 0xFFFFu) << 16);
    }
    while (k < n && s[n - k - 1] == c)
        k++;
    return k;
}
static inline size_t span_json_plain_sse2(const unsigned char *s, size_t n)
{
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* as signed bytes, 0x80 and up are below 0x20 too */
        __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                    _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                 _mm_cmpeq_epi8(v, backslash)));
        unsigned m = (unsigned)_mm_movemask_epi8(stop);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    while (i < n && span_json_plain_byte(s[i]))
        i++;
    return i;
}
#define span_byte span_byte_sse2
#define span_byte_back span_byte_back_sse2
#define span_json_plain span_json_plain_sse2
#else
#define span_byte span_byte_portable
#define span_byte_back span_byte_back_portable
#define span_json_plain span_json_plain_portable
#endif

#endif
