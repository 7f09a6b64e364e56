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

int utf8_is_space(uint32_t cp);        /* ASCII and Unicode spaces, ZWSP, BOM */
int utf8_is_word(uint32_t cp);         /* letters, digits, marks: \w */
int utf8_is_upper(uint32_t cp);
int utf8_is_digit(uint32_t cp);
int utf8_is_unspaced(uint32_t cp);     /* scripts written without spaces: Han, kana, Thai ... */
uint32_t utf8_fold(uint32_t cp);       /* simple lower-casing */

/* Whether s[0..n) equals the lower-case ASCII literal `lit`, ignoring ASCII case. */
int utf8_ascii_prefix(const char *s, size_t n, const char *lit);

#endif
