/* phrases.c - the phrase table and its matcher.
 *
 * A text is folded (lower case, punctuation and runs of spaces to one space,
 * a leading bullet dropped) into a short key, which is compared with the
 * table: WHOLE entries must be the entire key, PREFIX entries its start
 * followed by a word boundary.  Single words are WHOLE so that "Share
 * prices rose" stays prose while a lone "Share" goes. */
#include <string.h>
#include "phrases.h"
#include "utf8.h"

enum { WHOLE, PREFIX };

typedef struct phrase {
    const char *key;     /* folded: lower case, single spaces, no punctuation */
    unsigned char mode;
    unsigned char kind;
} phrase;

static const phrase table[] = {
    /* comment section openers */
    { "leave a reply", PREFIX, PHRASE_COMMENTS },
    { "leave a comment", PREFIX, PHRASE_COMMENTS },
    { "leave your comment", PREFIX, PHRASE_COMMENTS },
    { "post a comment", PREFIX, PHRASE_COMMENTS },
    { "add your comment", PREFIX, PHRASE_COMMENTS },
    { "add a comment", PREFIX, PHRASE_COMMENTS },
    { "add new comment", PREFIX, PHRASE_COMMENTS },
    { "write a comment", PREFIX, PHRASE_COMMENTS },
    { "your email address will not be published", PREFIX, PHRASE_COMMENTS },
    { "your email will not be published", PREFIX, PHRASE_COMMENTS },
    { "required fields are marked", PREFIX, PHRASE_COMMENTS },
    { "you must be logged in to post a comment", PREFIX, PHRASE_COMMENTS },
    { "comments are closed", PREFIX, PHRASE_COMMENTS },
    { "comments", WHOLE, PHRASE_COMMENTS },
    { "comment", WHOLE, PHRASE_COMMENTS },
    { "reader comments", PREFIX, PHRASE_COMMENTS },
    { "show comments", PREFIX, PHRASE_COMMENTS },
    { "view comments", PREFIX, PHRASE_COMMENTS },
    { "view all comments", PREFIX, PHRASE_COMMENTS },
    { "join the discussion", PREFIX, PHRASE_COMMENTS },
    { "join the conversation", PREFIX, PHRASE_COMMENTS },
    { "deja una respuesta", PREFIX, PHRASE_COMMENTS },
    { "deja un comentario", PREFIX, PHRASE_COMMENTS },
    { "laisser un commentaire", PREFIX, PHRASE_COMMENTS },
    { "laissez un commentaire", PREFIX, PHRASE_COMMENTS },
    { "schreibe einen kommentar", PREFIX, PHRASE_COMMENTS },
    { "kommentar schreiben", PREFIX, PHRASE_COMMENTS },
    { "lascia un commento", PREFIX, PHRASE_COMMENTS },
    { "deixe um comentário", PREFIX, PHRASE_COMMENTS },
    { "deixe uma resposta", PREFIX, PHRASE_COMMENTS },
    { "оставить комментарий", PREFIX, PHRASE_COMMENTS },
    { "добавить комментарий", PREFIX, PHRASE_COMMENTS },
    { "zostaw komentarz", PREFIX, PHRASE_COMMENTS },
    { "dodaj komentarz", PREFIX, PHRASE_COMMENTS },
    { "hozzászólás", PREFIX, PHRASE_COMMENTS },
    { "geef een reactie", PREFIX, PHRASE_COMMENTS },
    { "laat een reactie achter", PREFIX, PHRASE_COMMENTS },

    /* links to other articles */
    { "see also", PREFIX, PHRASE_RELATED },
    { "read also", PREFIX, PHRASE_RELATED },
    { "also read", PREFIX, PHRASE_RELATED },
    { "read more", PREFIX, PHRASE_RELATED },
    { "related", PREFIX, PHRASE_RELATED },
    { "recommended", PREFIX, PHRASE_RELATED },
    { "you may also like", PREFIX, PHRASE_RELATED },
    { "you might also like", PREFIX, PHRASE_RELATED },
    { "you may be interested in", PREFIX, PHRASE_RELATED },
    { "more from", PREFIX, PHRASE_RELATED },
    { "more stories", PREFIX, PHRASE_RELATED },
    { "more on this", PREFIX, PHRASE_RELATED },
    { "most popular", PREFIX, PHRASE_RELATED },
    { "most read", PREFIX, PHRASE_RELATED },
    { "most viewed", PREFIX, PHRASE_RELATED },
    { "don't miss", PREFIX, PHRASE_RELATED },
    { "dont miss", PREFIX, PHRASE_RELATED },
    { "sponsored", PREFIX, PHRASE_RELATED },
    { "advertisement", PREFIX, PHRASE_RELATED },
    { "trending", WHOLE, PHRASE_RELATED },
    { "lee también", PREFIX, PHRASE_RELATED },
    { "lea también", PREFIX, PHRASE_RELATED },
    { "à lire aussi", PREFIX, PHRASE_RELATED },
    { "a lire aussi", PREFIX, PHRASE_RELATED },
    { "lire aussi", PREFIX, PHRASE_RELATED },
    { "voir aussi", PREFIX, PHRASE_RELATED },
    { "lesen sie auch", PREFIX, PHRASE_RELATED },
    { "mehr zum thema", PREFIX, PHRASE_RELATED },
    { "leggi anche", PREFIX, PHRASE_RELATED },
    { "leia também", PREFIX, PHRASE_RELATED },
    { "veja também", PREFIX, PHRASE_RELATED },
    { "читайте также", PREFIX, PHRASE_RELATED },
    { "смотрите также", PREFIX, PHRASE_RELATED },
    { "lásd még", PREFIX, PHRASE_RELATED },
    { "zobacz także", PREFIX, PHRASE_RELATED },
    { "czytaj także", PREFIX, PHRASE_RELATED },
    { "lees ook", PREFIX, PHRASE_RELATED },
    { "関連記事", PREFIX, PHRASE_RELATED },
    { "相关文章", PREFIX, PHRASE_RELATED },
    { "相關文章", PREFIX, PHRASE_RELATED },

    /* share, follow, subscribe, cookies, legal, navigation */
    { "share this", PREFIX, PHRASE_BOILER },
    { "share on", PREFIX, PHRASE_BOILER },
    { "share via", PREFIX, PHRASE_BOILER },
    { "share article", PREFIX, PHRASE_BOILER },
    { "share the article", PREFIX, PHRASE_BOILER },
    { "share story", PREFIX, PHRASE_BOILER },
    { "follow us", PREFIX, PHRASE_BOILER },
    { "like us on", PREFIX, PHRASE_BOILER },
    { "subscribe to", PREFIX, PHRASE_BOILER },
    { "subscribe now", PREFIX, PHRASE_BOILER },
    { "sign up for", PREFIX, PHRASE_BOILER },
    { "sign up to", PREFIX, PHRASE_BOILER },
    { "get our newsletter", PREFIX, PHRASE_BOILER },
    { "newsletter", PREFIX, PHRASE_BOILER },
    { "we use cookies", PREFIX, PHRASE_BOILER },
    { "this site uses cookies", PREFIX, PHRASE_BOILER },
    { "this website uses cookies", PREFIX, PHRASE_BOILER },
    { "by continuing to use", PREFIX, PHRASE_BOILER },
    { "privacy policy", PREFIX, PHRASE_BOILER },
    { "terms of use", PREFIX, PHRASE_BOILER },
    { "terms of service", PREFIX, PHRASE_BOILER },
    { "terms and conditions", PREFIX, PHRASE_BOILER },
    { "all rights reserved", PREFIX, PHRASE_BOILER },
    { "copyright", PREFIX, PHRASE_BOILER },
    { "tags", PREFIX, PHRASE_BOILER },
    { "tagged", PREFIX, PHRASE_BOILER },
    { "filed under", PREFIX, PHRASE_BOILER },
    { "posted in", PREFIX, PHRASE_BOILER },
    { "categories", PREFIX, PHRASE_BOILER },
    { "previous article", PREFIX, PHRASE_BOILER },
    { "next article", PREFIX, PHRASE_BOILER },
    { "previous post", PREFIX, PHRASE_BOILER },
    { "next post", PREFIX, PHRASE_BOILER },
    { "previous story", PREFIX, PHRASE_BOILER },
    { "next story", PREFIX, PHRASE_BOILER },
    { "skip to content", PREFIX, PHRASE_BOILER },
    { "skip to main content", PREFIX, PHRASE_BOILER },
    { "skip to navigation", PREFIX, PHRASE_BOILER },
    { "jump to", PREFIX, PHRASE_BOILER },
    { "back to top", PREFIX, PHRASE_BOILER },
    { "click here", PREFIX, PHRASE_BOILER },
    { "log in", WHOLE, PHRASE_BOILER },
    { "login", WHOLE, PHRASE_BOILER },
    { "sign in", WHOLE, PHRASE_BOILER },
    { "register", WHOLE, PHRASE_BOILER },
    { "search", WHOLE, PHRASE_BOILER },
    { "menu", WHOLE, PHRASE_BOILER },
    { "home", WHOLE, PHRASE_BOILER },
    { "print", WHOLE, PHRASE_BOILER },
    { "email", WHOLE, PHRASE_BOILER },
    { "share", WHOLE, PHRASE_BOILER },
    { "tweet", WHOLE, PHRASE_BOILER },
    { "loading", WHOLE, PHRASE_BOILER },
    { "advertisement", WHOLE, PHRASE_BOILER },
    { "partager", WHOLE, PHRASE_BOILER },
    { "teilen", WHOLE, PHRASE_BOILER },
    { "compartir", WHOLE, PHRASE_BOILER },
    { "condividi", WHOLE, PHRASE_BOILER },
    { "compartilhar", WHOLE, PHRASE_BOILER },
    { "поделиться", WHOLE, PHRASE_BOILER },
};

/* Words of a share row: "Share 0 Tweet 0 Pin 0 Email". */
static const char *const share_words[] = {
    "share", "shares", "tweet", "tweets", "pin", "email", "e-mail", "mail",
    "print", "like", "likes", "facebook", "twitter", "linkedin", "pinterest",
    "reddit", "whatsapp", "telegram", "tumblr", "google", "digg", "flipboard",
    "pocket", "comment", "comments", "save", "copy", "link", "sms", "stumbleupon",
    "buffer", "messenger", "x", "0",
};

#define KEY_MAX 96

/* Fold text into key: lower case, punctuation dropped (except the
 * apostrophe, folded to '), spaces collapsed; returns the key length, or
 * TOO_LONG when the text is too long to be one of the phrases. */
#define TOO_LONG ((size_t)-1)
static size_t fold_key(const char *text, size_t len, char *key)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t k = 0, i = 0;
    int space = 1;
    while (i < len) {
        uint32_t cp;
        size_t n = s[i] < 0x80 ? (cp = s[i], 1) : utf8_decode(s + i, len - i, &cp);
        i += n;
        if (utf8_is_word(cp) || cp == '\'' || cp == 0x2019) {
            char enc[4];
            size_t m = (cp == 0x2019) ? (enc[0] = '\'', 1) : utf8_encode(utf8_fold(cp), enc);
            if (k + m + 1 > KEY_MAX)
                return TOO_LONG;
            memcpy(key + k, enc, m);
            k += m;
            space = 0;
        } else if (!space) {
            if (k + 1 > KEY_MAX)
                return TOO_LONG;
            key[k++] = ' ';
            space = 1;
        }
    }
    while (k > 0 && key[k - 1] == ' ')
        k--;
    return k;
}

static int is_share_row(const char *key, size_t k)
{
    size_t i = 0, words = 0;
    while (i < k) {
        size_t j = i;
        while (j < k && key[j] != ' ')
            j++;
        int known = 1;
        for (size_t d = i; d < j && known; d++)
            known = key[d] >= '0' && key[d] <= '9';
        for (size_t w = 0; !known && w < sizeof share_words / sizeof *share_words; w++)
            known = strlen(share_words[w]) == j - i &&
                    memcmp(share_words[w], key + i, j - i) == 0;
        if (!known)
            return 0;
        words++;
        i = j + 1;
    }
    return words >= 2;
}

/* "12 Comments", "3 responses to ...", "5 thoughts on ..." */
static int is_comment_count(const char *key, size_t k)
{
    size_t i = 0;
    while (i < k && key[i] >= '0' && key[i] <= '9')
        i++;
    if (i == 0 || i >= k || key[i] != ' ')
        return 0;
    const char *rest = key + i + 1;
    size_t n = k - i - 1;
    static const char *const words[] = { "comments", "comment", "responses",
        "response", "replies", "thoughts on", "reactions", "kommentare",
        "commentaires", "comentarios", "commenti", "comentários", "комментариев",
        "комментария", "комментарий" };
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t wl = strlen(words[w]);
        if (n >= wl && memcmp(rest, words[w], wl) == 0 && (n == wl || rest[wl] == ' '))
            return 1;
    }
    return 0;
}

phrase_kind phrases_match(const char *text, size_t len)
{
    char key[KEY_MAX];
    if (len > 4 * KEY_MAX)
        len = 4 * KEY_MAX;
    size_t k = fold_key(text, len, key);
    if (k == 0)
        return PHRASE_NONE;
    if (k == TOO_LONG) {
        /* too long for a whole match: a related-link marker may still lead */
        char head[KEY_MAX];
        size_t cut = KEY_MAX / 2;
        while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
            cut--;
        k = fold_key(text, cut, head);
        if (k == TOO_LONG)
            return PHRASE_NONE;
        for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
            size_t n = strlen(table[i].key);
            if (table[i].mode == PREFIX && table[i].kind == PHRASE_RELATED &&
                k > n && memcmp(head, table[i].key, n) == 0 && head[n] == ' ')
                return PHRASE_RELATED;
        }
        return PHRASE_NONE;
    }
    if (is_comment_count(key, k))
        return PHRASE_COMMENTS;
    if (is_share_row(key, k))
        return PHRASE_BOILER;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        size_t n = strlen(table[i].key);
        if (n > k || memcmp(key, table[i].key, n) != 0)
            continue;
        if (n == k || (table[i].mode == PREFIX && key[n] == ' '))
            return (phrase_kind)table[i].kind;
    }
    return PHRASE_NONE;
}
