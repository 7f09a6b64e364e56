/* json_escape.h - the one JSON string escaper, shared by the library's
 * --json writer and the program's --jsonl records. */
#ifndef JSON_ESCAPE_H
#define JSON_ESCAPE_H

#include <stddef.h>

/* s[0..n) as the inside of a JSON string, as jansson writes it
 * (JSON_COMPACT): \" \\ \b \f \n \r \t, \u00XX for other controls, the
 * rest as UTF-8; each byte that does not begin a valid UTF-8 sequence
 * becomes U+FFFD.  Into out, without quotes: out has room for
 * JSON_ESCAPE_MAX * n bytes; returns how many were written.  Unless
 * final, a UTF-8 sequence begun in s[0..n) and not ended there is left
 * for the call with the bytes that follow: *used says where it begins (n
 * when there is none), so that text can be written in pieces that split
 * characters. */
#define JSON_ESCAPE_MAX 6  /* "\u001F" */
size_t json_escape(char *out, const char *s, size_t n, int final, size_t *used);

#endif
