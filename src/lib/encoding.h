/* encoding.h - choosing a page's charset and decoding it to UTF-8.
 *
 * html_reader hands libxml2 nothing but valid UTF-8 (declared as such, with
 * HTML_PARSE_IGNORE_ENC): libxml2's own decoders switch charset when a
 * <meta> says so mid-stream, and fall back to Latin-1 for the rest of the
 * document at the first invalid byte.  Doing the decoding here keeps the
 * decision in one place and makes invalid bytes cost one U+FFFD each.
 */
#ifndef ENCODING_H
#define ENCODING_H

#include "buf.h"

#include <stddef.h>

/* Canonical names are at most this long, NUL included. */
#define ENCODING_NAME_MAX 32

/* encoding_decode() always makes progress when it has this much room. */
#define ENCODING_MIN_OUT 32

/* The canonical name of a charset label ("latin1", " UTF8 ", "Shift_JIS"),
 * written to `out`; returns 0 when the label names no charset this machine
 * can decode.  Labels follow browsers: ISO-8859-1 and US-ASCII mean
 * windows-1252, GB2312 means GB18030, and so on. */
int encoding_canonical(const char *label, size_t len,
                       char out[ENCODING_NAME_MAX]);

/* Where a decision came from (for --explain and tests). */
typedef enum encoding_source {
    ENCODING_FROM_OVERRIDE,
    ENCODING_FROM_BOM,
    ENCODING_FROM_META,
    ENCODING_FROM_HTTP,
    ENCODING_FROM_GUESS,    /* UTF-8 when it is valid, else windows-1252 */
    ENCODING_FROM_DETECTOR  /* libuchardet's reading of the bytes */
} encoding_source;

typedef struct encoding_choice {
    char name[ENCODING_NAME_MAX]; /* canonical */
    size_t skip;                  /* bytes of BOM to drop */
    encoding_source source;
    int tentative;                /* a guess on bytes that were all ASCII */
} encoding_choice;

/* Decide the charset of a document from its first bytes `head` (all of the
 * document when `len` is shorter than the caller's prescan window), in the
 * HTML standard's order: a BOM, the `override` (already canonical, or
 * NULL), `http_charset` (a label, or NULL), a <meta> charset before the
 * body (only when `html`), else encoding_guess().  A declared legacy
 * charset loses to UTF-8 when `head` is valid UTF-8 with multi-byte
 * sequences in it: such pages lie.  `tentative` is set when the guess saw
 * only ASCII: the caller may decide again on later bytes. */
void encoding_detect(const char *head, size_t len, const char *override,
                     const char *http_charset, int html, encoding_choice *out);

/* The length of the byte order mark that starts head[0..len) (0 if none),
 * and the charset it names in *name (NULL if none). */
size_t encoding_bom(const char *head, size_t len, const char **name);

/* The charset of bytes nothing declares: UTF-8 when they read as UTF-8
 * (a few invalid bytes among more valid sequences are slips), else what
 * libuchardet detects when the build has it, the bytes hold enough
 * non-UTF-8 bytes (16) to detect on and most of those stand in runs (words
 * of a script other than Latin), else windows-1252.  Writes
 * the canonical name, returns ENCODING_FROM_GUESS or _DETECTOR. */
encoding_source encoding_guess(const char *p, size_t len,
                               char out[ENCODING_NAME_MAX]);

/* Whether this build has libuchardet (configure --without-uchardet, or its
 * absence, leaves the guess to UTF-8 or windows-1252). */
int encoding_have_detector(void);

/* How many bytes of s[0..len) come before the first one that is not ASCII. */
size_t encoding_ascii_prefix(const char *s, size_t len);

/* The label of the first <meta charset> or <meta http-equiv=Content-Type>
 * before <body>, copied to `out` (NUL-terminated, truncated to `outsz`);
 * returns its length, or 0 when there is none. */
size_t encoding_prescan_meta(const char *head, size_t len, char *out,
                             size_t outsz);

/* Counts over `len` bytes read as UTF-8: valid multi-byte sequences and
 * invalid bytes.  An incomplete sequence at the very end is not counted
 * (the caller's window may cut a character). */
void encoding_utf8_stats(const char *p, size_t len, size_t *multibyte,
                         size_t *invalid);

typedef struct encoding_decoder encoding_decoder;

/* A decoder from the canonical charset `name` to UTF-8, owned by the
 * caller; NULL when out of memory or the name cannot be decoded. */
/* NULL when out of memory, or (with *unknown set) when iconv cannot decode
 * the charset: the caller falls back only in that case. */
encoding_decoder *encoding_decoder_new(const mem *m, const char *name, int *unknown);

/* Decode from *in (*inlen bytes) into out (outcap bytes); returns the bytes
 * written and advances *in / *inlen past what was read.  All input is read
 * when the output has room: a character cut by the end of the input is
 * kept in the decoder and completed by the next call, or replaced by
 * U+FFFD when `final` is set.  The output is valid UTF-8 without NUL bytes
 * and ends on a character boundary; invalid input becomes U+FFFD, never an
 * error.  With outcap >= ENCODING_MIN_OUT some input is always read. */
size_t encoding_decode(encoding_decoder *d, const char **in, size_t *inlen,
                       char *out, size_t outcap, int final);

void encoding_decoder_free(encoding_decoder *d);

#endif
