/* json_escape.c - bytes as the inside of a JSON string, written the way
 * jansson writes them, so that --json and --jsonl say a character alike. */
#include <string.h>
#include "json_escape.h"
#include "span.h"
#include "utf8.h"

size_t json_escape(char *out, const char *s, size_t n, int final, size_t *used)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < n) {
        size_t run = span_json_plain(u + i, n - i);
        memcpy(out + o, s + i, run);
        o += run;
        i += run;
        if (i >= n)
            break;
        unsigned c = u[i];
        if (c >= 0x80) {
            size_t k = utf8_seq_len(u + i, n - i);
            if (k == 0 && !final && utf8_lead_len(c) > n - i)
                break;      /* the sequence may end in the next bytes */
            if (k == 0) {
                out[o++] = (char)0xEF;  /* U+FFFD */
                out[o++] = (char)0xBF;
                out[o++] = (char)0xBD;
                i++;
                continue;
            }
            for (size_t t = 0; t < k; t++)
                out[o + t] = s[i + t];
            o += k;
            i += k;
            continue;
        }
        out[o] = '\\';
        switch (c) {
        case '"': out[o + 1] = '"'; break;
        case '\\': out[o + 1] = '\\'; break;
        case '\b': out[o + 1] = 'b'; break;
        case '\f': out[o + 1] = 'f'; break;
        case '\n': out[o + 1] = 'n'; break;
        case '\r': out[o + 1] = 'r'; break;
        case '\t': out[o + 1] = 't'; break;
        default:
            out[o + 1] = 'u';
            out[o + 2] = '0';
            out[o + 3] = '0';
            out[o + 4] = "0123456789ABCDEF"[c >> 4];
            out[o + 5] = "0123456789ABCDEF"[c & 15];
            o += 4;
            break;
        }
        o += 2;
        i++;
    }
    *used = i;
    return o;
}
