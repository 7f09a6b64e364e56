/* utf8.h - the small part of Unicode the engine needs: decoding that never
 * fails, spaces, letters, case folding for the bicameral scripts. */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decode one code point from s[0..n), n > 0.  Invalid or truncated input
 * gives U+FFFD and consumes one byte, so every byte is consumed once.
 * Returns the number of bytes used.  One and two bytes are decoded inline,
 * the rest by utf8_decode_long. */
size_t utf8_decode_long(const unsigned char *s, size_t n, uint32_t *cp);
static inline size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
        *cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3Fu);
        return 2;
    }
    return utf8_decode_long(s, n, cp);
}

/* Encode cp (must be a Unicode scalar value) into out[0..4); returns bytes.
 * Inline, so that the CLI's JSON scanner, which links only the library's
 * public symbols, shares it. */
static inline size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The length a UTF-8 sequence that begins with byte c claims, or 0 if c
 * begins none (a continuation byte, C0, C1, F5..FF). */
static inline size_t utf8_lead_len(unsigned c)
{
    return c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
         : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
}

/* The length of the valid UTF-8 sequence at s[0..n), n > 0, or 0
 * (cut short, overlong forms, surrogates, past U+10FFFF).  Inline for the
 * CLI's JSON scanner as utf8_encode is. */
static inline size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t k = utf8_lead_len(c);
    if (k == 0 || k > n)
        return 0;
    for (size_t t = 1; t < k; t++)
        if ((s[t] & 0xC0) != 0x80)
            return 0;
    if (k == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)))
        return 0;
    if (k == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)))
        return 0;
    return k;
}

/* Length of the longest prefix of s[0..n) that is valid UTF-8. */
size_t utf8_valid_prefix(const unsigned char *s, size_t n);

/* The classes below are asked for every character of the input: ASCII is
 * answered inline, U+0080..U+07FF (two bytes: Latin, Greek, Cyrillic,
 * Armenian, Hebrew, Arabic) from the tables of utf8_table.c, and the rest
 * by the *_nonascii functions.  Those read utf8_class.c, generated from the
 * UCD by tools/gen_ucd_class.py (which says how each class is defined);
 * utf8_table.c is generated from them. */
int utf8_is_space_nonascii(uint32_t cp);
int utf8_is_word_nonascii(uint32_t cp);
int utf8_is_upper_nonascii(uint32_t cp);
int utf8_is_digit_nonascii(uint32_t cp);
int utf8_is_unspaced_nonascii(uint32_t cp);
uint32_t utf8_fold_nonascii(uint32_t cp);
/* CaseFolding.txt's simple folding, sorted by code point (utf8_ucd.c). */
extern const uint32_t utf8_ucd_fold[][2];
extern const size_t utf8_ucd_fold_count;
uint32_t utf8_norm_fold_nonascii(uint32_t cp);

#define UTF8_TABLE_MIN 0x80u
#define UTF8_TABLE_END 0x800u
enum { UTF8_SPACE = 1, UTF8_WORD = 2, UTF8_UPPER = 4, UTF8_DIGIT = 8, UTF8_UNSPACED = 16 };
extern const uint8_t utf8_table_class[UTF8_TABLE_END - UTF8_TABLE_MIN];
extern const uint16_t utf8_table_fold[UTF8_TABLE_END - UTF8_TABLE_MIN];
extern const uint16_t utf8_table_norm[UTF8_TABLE_END - UTF8_TABLE_MIN];

/* The classes of every code point (utf8_class.c): a byte of UTF8_* bits
 * for each, in blocks of 256, the same blocks shared. */
#define UTF8_CLASS_END 0x110000u
#define UTF8_CLASS_SHIFT 8
extern const uint8_t utf8_class_index[UTF8_CLASS_END >> UTF8_CLASS_SHIFT];
extern const uint8_t utf8_class_block[][1u << UTF8_CLASS_SHIFT];

static inline unsigned utf8_class(uint32_t cp)
{
    if (cp >= UTF8_CLASS_END)
        return 0;
    return utf8_class_block[utf8_class_index[cp >> UTF8_CLASS_SHIFT]]
                           [cp & ((1u << UTF8_CLASS_SHIFT) - 1)];
}

static inline int utf8_in_table(uint32_t cp)
{
    return cp - UTF8_TABLE_MIN < UTF8_TABLE_END - UTF8_TABLE_MIN;
}

/* ASCII and Unicode spaces, ZWSP, BOM */
static inline int utf8_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    if (utf8_in_table(cp))
        return (utf8_table_class[cp - UTF8_TABLE_MIN] & UTF8_SPACE) != 0;
    return utf8_is_space_nonascii(cp);
}

/* letters, digits, marks: what \w matches */
static inline int utf8_is_word(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 32) - 'a' < 26u || cp - '0' < 10u || cp == '_';
    if (utf8_in_table(cp))
        return (utf8_table_class[cp - UTF8_TABLE_MIN] & UTF8_WORD) != 0;
    return utf8_is_word_nonascii(cp);
}

static inline int utf8_is_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'A' < 26u;
    if (utf8_in_table(cp))
        return (utf8_table_class[cp - UTF8_TABLE_MIN] & UTF8_UPPER) != 0;
    return utf8_is_upper_nonascii(cp);
}

static inline int utf8_is_digit(uint32_t cp)
{
    if (cp < 0x80)
        return cp - '0' < 10u;
    if (utf8_in_table(cp))
        return (utf8_table_class[cp - UTF8_TABLE_MIN] & UTF8_DIGIT) != 0;
    return utf8_is_digit_nonascii(cp);
}

/* scripts written without spaces: Han, kana, Thai ... (none in the table) */
static inline int utf8_is_unspaced(uint32_t cp)
{
    return cp < UTF8_TABLE_END ? 0 : utf8_is_unspaced_nonascii(cp);
}

/* simple lower-casing */
static inline uint32_t utf8_fold(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'A' < 26u ? cp + 32 : cp;
    if (utf8_in_table(cp))
        return utf8_table_fold[cp - UTF8_TABLE_MIN];
    return utf8_fold_nonascii(cp);
}

/* Fold for comparing texts loosely (the repeated-headline hash): lower
 * case without accents ("É" -> "e", "Ά" -> "α", "Ё" -> "е"), fullwidth
 * forms as ASCII, Arabic alef forms as alef; 0 for a mark to skip
 * (combining accents, Hebrew points, Arabic harakat and tatweel). */
static inline uint32_t utf8_norm_fold(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'A' < 26u ? cp + 32 : cp;
    if (utf8_in_table(cp))
        return utf8_table_norm[cp - UTF8_TABLE_MIN];
    return utf8_norm_fold_nonascii(cp);
}

/* For each byte: 0 if it is not an ASCII word character ([0-9A-Za-z_]),
 * else the character lower-cased.  Every letter and '_' has 0x40 set, no
 * digit has. */
extern const unsigned char utf8_ascii_word[256];

/* Whether s[0..n) is one or more ASCII digits and nothing else. */
static inline int utf8_ascii_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] - (unsigned)'0' >= 10u)
            return 0;
    return n > 0;
}

/* Whether s[0..n) equals the lower-case ASCII literal `lit`, ignoring ASCII case. */
int utf8_ascii_prefix(const char *s, size_t n, const char *lit);

#endif
