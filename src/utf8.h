/* utf8.h - the small part of Unicode the engine needs: decoding that never
 * fails, spaces, letters, case folding for the bicameral scripts. */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decode one code point from s[0..n), n > 0.  Invalid or truncated input
 * gives U+FFFD and consumes one byte, so every byte is consumed once.
 * Returns the number of bytes used. */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Encode cp (must be a Unicode scalar value) into out[0..4); returns bytes. */
size_t utf8_encode(uint32_t cp, char *out);

/* Length of the longest prefix of s[0..n) that is valid UTF-8. */
size_t utf8_valid_prefix(const unsigned char *s, size_t n);

/* The classes below are asked for every character of the input: ASCII is
 * answered inline, the rest in utf8.c. */
int utf8_is_space_nonascii(uint32_t cp);
int utf8_is_word_nonascii(uint32_t cp);
int utf8_is_upper_nonascii(uint32_t cp);
int utf8_is_digit_nonascii(uint32_t cp);
int utf8_is_unspaced_nonascii(uint32_t cp);
uint32_t utf8_fold_nonascii(uint32_t cp);

/* ASCII and Unicode spaces, ZWSP, BOM */
static inline int utf8_is_space(uint32_t cp)
{
    return cp < 0x80 ? cp == ' ' || (cp >= '\t' && cp <= '\r') : utf8_is_space_nonascii(cp);
}

/* letters, digits, marks: what \w matches */
static inline int utf8_is_word(uint32_t cp)
{
    return cp < 0x80 ? (cp | 32) - 'a' < 26u || cp - '0' < 10u || cp == '_'
                     : utf8_is_word_nonascii(cp);
}

static inline int utf8_is_upper(uint32_t cp)
{
    return cp < 0x80 ? cp - 'A' < 26u : utf8_is_upper_nonascii(cp);
}

static inline int utf8_is_digit(uint32_t cp)
{
    return cp < 0x80 ? cp - '0' < 10u : utf8_is_digit_nonascii(cp);
}

/* scripts written without spaces: Han, kana, Thai ... */
static inline int utf8_is_unspaced(uint32_t cp)
{
    return cp < 0x80 ? 0 : utf8_is_unspaced_nonascii(cp);
}

/* simple lower-casing */
static inline uint32_t utf8_fold(uint32_t cp)
{
    return cp < 0x80 ? (cp - 'A' < 26u ? cp + 32 : cp) : utf8_fold_nonascii(cp);
}

/* Fold for comparing texts loosely (the repeated-headline hash): lower
 * case without accents ("É" -> "e", "Ά" -> "α", "Ё" -> "е"), fullwidth
 * forms as ASCII, Arabic alef forms as alef; 0 for a mark to skip
 * (combining accents, Hebrew points, Arabic harakat and tatweel). */
uint32_t utf8_norm_fold(uint32_t cp);

/* Whether s[0..n) equals the lower-case ASCII literal `lit`, ignoring ASCII case. */
int utf8_ascii_prefix(const char *s, size_t n, const char *lit);

#endif
