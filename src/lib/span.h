/* span.h - the length of a run of bytes of one kind: the blanks that
 * indent and pad the lines of text dumps, which can be long, the bytes
 * that a JSON string holds as they are, the bytes of text (no control
 * character but white space), ASCII (with NUL or without: what the
 * charset decoder copies as it is), the ASCII word characters that end
 * a block, and the words of an HTML page's text that collapsing its white
 * space leaves as they are; and how many bytes of a run continue a UTF-8
 * character.
 *
 * Where the compiler targets SSE2 (the baseline of x86-64) a run is
 * compared sixteen bytes a step; elsewhere eight at a time as a 64-bit
 * word (word characters, short runs, a byte at a time).  Both paths are
 * compiled where SSE2 is, so that the tests can hold one to the other
 * (check_utf8.c).  Callers look at the first byte
 * themselves when a run is most often empty or one byte long. */
#ifndef SPAN_H
#define SPAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Eight bytes as a word, and the bit tricks that tell whether a word
 * holds a byte below a bound (at most 0x80) or equal to a value without
 * looking at each: nonzero exactly when one does. */
#define SPAN_ONES 0x0101010101010101ull
#define SPAN_HIGH 0x8080808080808080ull

static inline uint64_t span_load8(const unsigned char *s)
{
    uint64_t v;
    memcpy(&v, s, 8);
    return v;
}

static inline uint64_t span_has_below(uint64_t v, unsigned bound)
{
    return (v - SPAN_ONES * bound) & ~v & SPAN_HIGH;
}

static inline uint64_t span_has_equal(uint64_t v, unsigned char c)
{
    uint64_t x = v ^ (SPAN_ONES * c);
    return (x - SPAN_ONES) & ~x & SPAN_HIGH;
}

/* How many bytes from s[0] on equal c, at most n: eight at a time. */
static inline size_t span_byte_portable(const unsigned char *s, size_t n, unsigned char c)
{
    size_t i = 0;
    while (i + 8 <= n && span_load8(s + i) == SPAN_ONES * c)
        i += 8;
    while (i < n && s[i] == c)
        i++;
    return i;
}

/* How many bytes before s[n] equal c, at most n: eight at a time. */
static inline size_t span_byte_back_portable(const unsigned char *s, size_t n, unsigned char c)
{
    size_t k = 0;
    while (k + 8 <= n && span_load8(s + n - k - 8) == SPAN_ONES * c)
        k += 8;
    while (k < n && s[n - k - 1] == c)
        k++;
    return k;
}

/* How many of s[0..n) are UTF-8 continuation bytes (10xxxxxx): a line's
 * code points are its bytes less these.  Eight at a time. */
static inline size_t span_cont_portable(const unsigned char *s, size_t n)
{
    size_t c = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x = span_load8(s + i);
        uint64_t m = (x & ~(x << 1) & SPAN_HIGH) >> 7;
        c += (size_t)((m * SPAN_ONES) >> 56);   /* the sum of the bytes */
    }
    for (; i < n; i++)
        c += (s[i] & 0xC0) == 0x80;
    return c;
}

/* Whether b is printable ASCII other than '"' and '\\': a byte a JSON
 * string holds as it is. */
static inline int span_json_plain_byte(unsigned char b)
{
    return b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
}

/* How many bytes from s[0] on span_json_plain_byte() takes, at most n:
 * eight at a time (a byte of 0x80 and up has its high bit). */
static inline size_t span_json_plain_portable(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (uint64_t v; i + 8 <= n; i += 8) {
        v = span_load8(s + i);
        if ((v & SPAN_HIGH) | span_has_below(v, 0x20) | span_has_equal(v, '"') |
            span_has_equal(v, '\\'))
            break;   /* the byte is found below */
    }
    while (i < n && span_json_plain_byte(s[i]))
        i++;
    return i;
}

/* Whether b can be a byte of text: no control character other than
 * white space and ESC (which starts a terminal's colour codes). */
static inline int span_text_byte(unsigned char b)
{
    return (b >= 0x20 || (b >= '\t' && b <= '\r') || b == 0x1B) && b != 0x7F;
}

/* How many bytes from s[0] on span_text_byte() takes, at most n: eight at
 * a time, looking closer at a word only if it holds a byte below 0x20
 * (a newline, most often) or DEL. */
static inline size_t span_text_portable(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (uint64_t v; i + 8 <= n; i += 8) {
        v = span_load8(s + i);
        if (span_has_below(v, 0x20) | span_has_equal(v, 0x7F))
            for (size_t k = 0; k < 8; k++)
                if (!span_text_byte(s[i + k]))
                    return i + k;
    }
    while (i < n && span_text_byte(s[i]))
        i++;
    return i;
}

/* How many bytes from s[0] on are ASCII (below 0x80), at most n: eight
 * at a time. */
static inline size_t span_ascii_portable(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n && !(span_load8(s + i) & SPAN_HIGH))
        i += 8;
    while (i < n && s[i] < 0x80)
        i++;
    return i;
}

/* How many bytes from s[0] on are ASCII other than NUL (1 to 0x7F), at
 * most n, copied to out (room for n bytes; what follows the run there
 * may be written too): eight at a time.  The charset decoder copies such
 * runs as they are. */
static inline size_t span_copy_ascii_portable(const unsigned char *s, size_t n,
                                              unsigned char *out)
{
    size_t i = 0;
    for (uint64_t v; i + 8 <= n; i += 8) {
        v = span_load8(s + i);
        if ((v & SPAN_HIGH) | span_has_below(v, 1))
            break;
        memcpy(out + i, &v, 8);
    }
    for (; i < n && s[i] != 0 && s[i] < 0x80; i++)
        out[i] = s[i];
    return i;
}

/* Whether b is an ASCII word character: [0-9A-Za-z_] (utf8_ascii_word). */
static inline int span_word_byte(unsigned char b)
{
    return (unsigned)(b | 0x20) - 'a' < 26u || (unsigned)b - '0' < 10u || b == '_';
}

/* How many bytes before s[n] are ASCII word characters, at most n: a byte
 * at a time (the run is most often a word, a few bytes long). */
static inline size_t span_word_back_portable(const unsigned char *s, size_t n)
{
    size_t k = 0;
    while (k < n && span_word_byte(s[n - k - 1]))
        k++;
    return k;
}

/* Whether b ends a word of HTML text where white space is collapsed: one
 * of the blanks html_hints_ws() takes, or 0xC2, which may start a
 * no-break space. */
static inline int span_word_end(unsigned char b)
{
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0xC2;
}

/* How many bytes from s[0] on stand as they are once white space is
 * collapsed, at most n: bytes that end no word, and single spaces
 * between two of them (never a space last).  A byte loop: the SSE2 path
 * below is the one run where it is built. */
static inline size_t span_words_portable(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (!span_word_end(s[i]) ||
                     (s[i] == ' ' && i + 1 < n && !span_word_end(s[i + 1]))))
        i++;
    return i;
}

/* Whether b is a blank the HTML shield folds into the blank before it:
 * ' ', '\t' or '\n' ('\r' stays: a date's words are parted by these
 * three alone, see meta_date.c). */
static inline int span_fold_blank(unsigned char b)
{
    return b == ' ' || b == '\t' || b == '\n';
}

/* How many bytes from s[0] on, at most n, come before a '<', a '&' or
 * the second of two folding blanks in a row; s[-1] is read too, the byte
 * before them, which may be the first of two.  A byte loop. */
static inline size_t span_text_run_portable(const unsigned char *s, size_t n)
{
    int prev = span_fold_blank(s[-1]);
    for (size_t i = 0; i < n; i++) {
        int blank = span_fold_blank(s[i]);
        if (s[i] == '<' || s[i] == '&' || (blank && prev))
            return i;
        prev = blank;
    }
    return n;
}

#ifdef __SSE2__
/* A bit for each of the sixteen bytes at s that span_text_byte() refuses. */
static inline unsigned span_text_stops_sse2(const unsigned char *s)
{
    const __m128i minus1 = _mm_set1_epi8(-1), space = _mm_set1_epi8(0x20);
    const __m128i tab = _mm_set1_epi8('\t' - 1), cr = _mm_set1_epi8('\r' + 1);
    const __m128i esc = _mm_set1_epi8(0x1B), del = _mm_set1_epi8(0x7F);
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    /* as signed bytes: 0 to 0x1F, less 9 to 13 and ESC, and DEL */
    __m128i ctl = _mm_and_si128(_mm_cmpgt_epi8(v, minus1), _mm_cmplt_epi8(v, space));
    __m128i ok = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, tab), _mm_cmplt_epi8(v, cr)),
                              _mm_cmpeq_epi8(v, esc));
    __m128i stop = _mm_or_si128(_mm_andnot_si128(ok, ctl), _mm_cmpeq_epi8(v, del));
    return (unsigned)_mm_movemask_epi8(stop);
}

static inline size_t span_text_sse2(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        unsigned m = span_text_stops_sse2(s + i);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    if (i == n || n < 16) {
        while (i < n && span_text_byte(s[i]))
            i++;
        return i;
    }
    /* the last sixteen bytes: those before i were taken, so the first
     * refused is past them */
    unsigned m = span_text_stops_sse2(s + n - 16);
    return m ? n - 16 + (size_t)__builtin_ctz(m) : n;
}

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
static inline size_t span_ascii_sse2(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        /* the bytes' high bits, which ASCII has clear */
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_loadu_si128((const __m128i *)(const void *)(s + i)));
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    while (i < n && s[i] < 0x80)
        i++;
    return i;
}

static inline size_t span_copy_ascii_sse2(const unsigned char *s, size_t n,
                                          unsigned char *out)
{
    const __m128i zero = _mm_setzero_si128();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        _mm_storeu_si128((__m128i *)(void *)(out + i), v);
        /* as signed bytes, 1 to 0x7F are the ones above zero */
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, zero)) ^ 0xFFFFu;
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    for (; i < n && s[i] != 0 && s[i] < 0x80; i++)
        out[i] = s[i];
    return i;
}

/* The same, sixteen bytes a step: the block's last word, which the
 * scanner of block_features.c looks for once a block. */
static inline size_t span_word_back_sse2(const unsigned char *s, size_t n)
{
    const __m128i lo = _mm_set1_epi8('a' - 1), hi = _mm_set1_epi8('z' + 1);
    const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
    const __m128i bit = _mm_set1_epi8(0x20), under = _mm_set1_epi8('_');
    size_t k = 0;
    for (; k + 16 <= n; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - k - 16));
        /* as signed bytes, 0x80 and up are below every bound */
        __m128i l = _mm_or_si128(v, bit);
        __m128i word = _mm_or_si128(
            _mm_and_si128(_mm_cmpgt_epi8(l, lo), _mm_cmplt_epi8(l, hi)),
            _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d9)),
                         _mm_cmpeq_epi8(v, under)));
        unsigned m = (unsigned)_mm_movemask_epi8(word);
        if (m != 0xFFFF)   /* the last that is not: the highest clear bit */
            return k + (size_t)__builtin_clz((~m & 0xFFFFu) << 16);
    }
    while (k < n && span_word_byte(s[n - k - 1]))
        k++;
    return k;
}
/* The word-ending bytes of v other than ' ' (as signed bytes, 9 to 13
 * but 11, and 0xC2). */
static inline __m128i span_word_blank_sse2(__m128i v)
{
    __m128i ctl = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('\t' - 1)),
                                _mm_cmplt_epi8(v, _mm_set1_epi8('\r' + 1)));
    ctl = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\v')), ctl);
    return _mm_or_si128(ctl, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)));
}

/* Sixteen bytes a step, each looked at with the one after it. */
static inline size_t span_words_sse2(const unsigned char *s, size_t n)
{
    const __m128i space = _mm_set1_epi8(' ');
    size_t i = 0;
    for (; i + 17 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        __m128i next_ends = _mm_or_si128(_mm_cmpeq_epi8(w, space), span_word_blank_sse2(w));
        __m128i stop = _mm_or_si128(span_word_blank_sse2(v),
                                    _mm_and_si128(_mm_cmpeq_epi8(v, space), next_ends));
        unsigned m = (unsigned)_mm_movemask_epi8(stop);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    return i + span_words_portable(s + i, n - i);
}
/* Sixteen bytes a step: a bit for each '<' and '&', and one for each
 * folding blank, whose bits shifted up one meet those of the blanks after
 * them. */
static inline size_t span_text_run_sse2(const unsigned char *s, size_t n)
{
    const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    const __m128i nl = _mm_set1_epi8('\n'), lt = _mm_set1_epi8('<');
    const __m128i amp = _mm_set1_epi8('&');
    unsigned carry = (unsigned)span_fold_blank(s[-1]);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned b = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, tab)), _mm_cmpeq_epi8(v, nl)));
        unsigned t = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)));
        unsigned stop = t | (b & ((b << 1) | carry));
        if (stop)
            return i + (size_t)__builtin_ctz(stop);
        carry = b >> 15;
    }
    return i + span_text_run_portable(s + i, n - i);
}
/* Each byte's lane of `acc` counts its continuation bytes (as signed
 * bytes, below -64), up to 255 steps, then the lanes are summed. */
static inline size_t span_cont_sse2(const unsigned char *s, size_t n)
{
    const __m128i lim = _mm_set1_epi8(-64), zero = _mm_setzero_si128();
    size_t c = 0, i = 0;
    while (n - i >= 16) {
        size_t steps = (n - i) / 16 < 255 ? (n - i) / 16 : 255;
        __m128i acc = zero;
        for (size_t k = 0; k < steps; k++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(v, lim));
        }
        __m128i sum = _mm_sad_epu8(acc, zero);
        c += (unsigned)_mm_cvtsi128_si32(sum) + (unsigned)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
    }
    size_t r = n - i;
    if (r == 0 || n < 16)
        return c + span_cont_portable(s + i, r);
    /* the last sixteen bytes, their lanes counted already masked out:
     * what lanes + r holds is 0xFF from lane 16 - r on */
    static const unsigned char lanes[32] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    };
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
    __m128i keep = _mm_loadu_si128((const __m128i *)(const void *)(lanes + r));
    __m128i one = _mm_sub_epi8(zero, _mm_and_si128(_mm_cmplt_epi8(v, lim), keep));
    __m128i sum = _mm_sad_epu8(one, zero);
    return c + (unsigned)_mm_cvtsi128_si32(sum) + (unsigned)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
}
#define span_byte span_byte_sse2
#define span_cont span_cont_sse2
#define span_word_back span_word_back_sse2
#define span_ascii span_ascii_sse2
#define span_copy_ascii span_copy_ascii_sse2
#define span_byte_back span_byte_back_sse2
#define span_json_plain span_json_plain_sse2
#define span_text span_text_sse2
#define span_words span_words_sse2
#define span_text_run span_text_run_sse2
#else
#define span_byte span_byte_portable
#define span_cont span_cont_portable
#define span_word_back span_word_back_portable
#define span_ascii span_ascii_portable
#define span_copy_ascii span_copy_ascii_portable
#define span_byte_back span_byte_back_portable
#define span_json_plain span_json_plain_portable
#define span_text span_text_portable
#define span_words span_words_portable
#define span_text_run span_text_run_portable
#endif

static inline size_t span_blank(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i += s[i] == ' ' ? span_byte(s + i, n - i, ' ') : 1;
    return i;
}

#endif
