/* phrases.c - the phrase table and its matcher.
 *
 * A text is folded (lower case, punctuation and runs of spaces to one space,
 * a leading bullet dropped) into a short key, which is compared with the
 * table: WHOLE entries must be the entire key, PREFIX entries its start
 * followed by a word boundary.  Single words are WHOLE so that "Share
 * prices rose" stays prose while a lone "Share" goes. */
#include <string.h>
#include "phrases.h"
#include "stoplist.h"
#include "utf8.h"

enum { WHOLE, PREFIX };

typedef struct phrase {
    const char *key;     /* folded: lower case, single spaces, no punctuation */
    unsigned char len;
    unsigned char mode;
    unsigned char kind;
} phrase;

#define P(key, mode, kind) { key, sizeof key - 1, mode, kind }

static const phrase table[] = {
    /* comment section openers */
    P("leave a reply", PREFIX, PHRASE_COMMENTS),
    P("leave a comment", PREFIX, PHRASE_COMMENTS),
    P("leave your comment", PREFIX, PHRASE_COMMENTS),
    P("post a comment", PREFIX, PHRASE_COMMENTS),
    P("add your comment", PREFIX, PHRASE_COMMENTS),
    P("add a comment", PREFIX, PHRASE_COMMENTS),
    P("add new comment", PREFIX, PHRASE_COMMENTS),
    P("write a comment", PREFIX, PHRASE_COMMENTS),
    P("your email address will not be published", PREFIX, PHRASE_COMMENTS),
    P("your email will not be published", PREFIX, PHRASE_COMMENTS),
    P("required fields are marked", PREFIX, PHRASE_COMMENTS),
    P("you must be logged in to post a comment", PREFIX, PHRASE_COMMENTS),
    P("comments are closed", PREFIX, PHRASE_COMMENTS),
    P("comments", WHOLE, PHRASE_COMMENTS),
    P("comment", WHOLE, PHRASE_COMMENTS),
    P("reader comments", PREFIX, PHRASE_COMMENTS),
    P("show comments", PREFIX, PHRASE_COMMENTS),
    P("view comments", PREFIX, PHRASE_COMMENTS),
    P("view all comments", PREFIX, PHRASE_COMMENTS),
    P("join the discussion", PREFIX, PHRASE_COMMENTS),
    P("join the conversation", PREFIX, PHRASE_COMMENTS),
    P("deja una respuesta", PREFIX, PHRASE_COMMENTS),
    P("deja un comentario", PREFIX, PHRASE_COMMENTS),
    P("laisser un commentaire", PREFIX, PHRASE_COMMENTS),
    P("laissez un commentaire", PREFIX, PHRASE_COMMENTS),
    P("schreibe einen kommentar", PREFIX, PHRASE_COMMENTS),
    P("kommentar schreiben", PREFIX, PHRASE_COMMENTS),
    P("lascia un commento", PREFIX, PHRASE_COMMENTS),
    P("deixe um comentário", PREFIX, PHRASE_COMMENTS),
    P("deixe uma resposta", PREFIX, PHRASE_COMMENTS),
    P("оставить комментарий", PREFIX, PHRASE_COMMENTS),
    P("добавить комментарий", PREFIX, PHRASE_COMMENTS),
    P("zostaw komentarz", PREFIX, PHRASE_COMMENTS),
    P("dodaj komentarz", PREFIX, PHRASE_COMMENTS),
    P("hozzászólás", PREFIX, PHRASE_COMMENTS),
    P("geef een reactie", PREFIX, PHRASE_COMMENTS),
    P("laat een reactie achter", PREFIX, PHRASE_COMMENTS),

    /* links to other articles */
    P("see also", PREFIX, PHRASE_RELATED),
    P("read also", PREFIX, PHRASE_RELATED),
    P("also read", PREFIX, PHRASE_RELATED),
    P("read more", PREFIX, PHRASE_RELATED),
    P("related", PREFIX, PHRASE_RELATED),
    P("recommended", PREFIX, PHRASE_RELATED),
    P("you may also like", PREFIX, PHRASE_RELATED),
    P("you might also like", PREFIX, PHRASE_RELATED),
    P("you may be interested in", PREFIX, PHRASE_RELATED),
    P("more from", PREFIX, PHRASE_RELATED),
    P("more stories", PREFIX, PHRASE_RELATED),
    P("more on this", PREFIX, PHRASE_RELATED),
    P("most popular", PREFIX, PHRASE_RELATED),
    P("most read", PREFIX, PHRASE_RELATED),
    P("most viewed", PREFIX, PHRASE_RELATED),
    P("don't miss", PREFIX, PHRASE_RELATED),
    P("dont miss", PREFIX, PHRASE_RELATED),
    P("sponsored", PREFIX, PHRASE_RELATED),
    P("advertisement", PREFIX, PHRASE_RELATED),
    P("trending", WHOLE, PHRASE_RELATED),
    P("lee también", PREFIX, PHRASE_RELATED),
    P("lea también", PREFIX, PHRASE_RELATED),
    P("à lire aussi", PREFIX, PHRASE_RELATED),
    P("a lire aussi", PREFIX, PHRASE_RELATED),
    P("lire aussi", PREFIX, PHRASE_RELATED),
    P("voir aussi", PREFIX, PHRASE_RELATED),
    P("lesen sie auch", PREFIX, PHRASE_RELATED),
    P("mehr zum thema", PREFIX, PHRASE_RELATED),
    P("leggi anche", PREFIX, PHRASE_RELATED),
    P("leia também", PREFIX, PHRASE_RELATED),
    P("veja também", PREFIX, PHRASE_RELATED),
    P("читайте также", PREFIX, PHRASE_RELATED),
    P("смотрите также", PREFIX, PHRASE_RELATED),
    P("lásd még", PREFIX, PHRASE_RELATED),
    P("zobacz także", PREFIX, PHRASE_RELATED),
    P("czytaj także", PREFIX, PHRASE_RELATED),
    P("lees ook", PREFIX, PHRASE_RELATED),
    P("関連記事", PREFIX, PHRASE_RELATED),
    P("相关文章", PREFIX, PHRASE_RELATED),
    P("相關文章", PREFIX, PHRASE_RELATED),

    /* share, follow, subscribe, cookies, legal, navigation */
    P("share this", PREFIX, PHRASE_BOILER),
    P("share on", PREFIX, PHRASE_BOILER),
    P("share via", PREFIX, PHRASE_BOILER),
    P("share article", PREFIX, PHRASE_BOILER),
    P("share the article", PREFIX, PHRASE_BOILER),
    P("share story", PREFIX, PHRASE_BOILER),
    P("follow us", PREFIX, PHRASE_BOILER),
    P("like us on", PREFIX, PHRASE_BOILER),
    P("subscribe to", PREFIX, PHRASE_BOILER),
    P("subscribe now", PREFIX, PHRASE_BOILER),
    P("sign up for", PREFIX, PHRASE_BOILER),
    P("sign up to", PREFIX, PHRASE_BOILER),
    P("get our newsletter", PREFIX, PHRASE_BOILER),
    P("newsletter", PREFIX, PHRASE_BOILER),
    P("we use cookies", PREFIX, PHRASE_BOILER),
    P("this site uses cookies", PREFIX, PHRASE_BOILER),
    P("this website uses cookies", PREFIX, PHRASE_BOILER),
    P("by continuing to use", PREFIX, PHRASE_BOILER),
    P("privacy policy", PREFIX, PHRASE_BOILER),
    P("terms of use", PREFIX, PHRASE_BOILER),
    P("terms of service", PREFIX, PHRASE_BOILER),
    P("terms and conditions", PREFIX, PHRASE_BOILER),
    P("all rights reserved", PREFIX, PHRASE_BOILER),
    P("copyright", PREFIX, PHRASE_BOILER),
    P("tags", PREFIX, PHRASE_BOILER),
    P("tagged", PREFIX, PHRASE_BOILER),
    P("filed under", PREFIX, PHRASE_BOILER),
    P("posted in", PREFIX, PHRASE_BOILER),
    P("categories", PREFIX, PHRASE_BOILER),
    P("previous article", PREFIX, PHRASE_BOILER),
    P("next article", PREFIX, PHRASE_BOILER),
    P("previous post", PREFIX, PHRASE_BOILER),
    P("next post", PREFIX, PHRASE_BOILER),
    P("previous story", PREFIX, PHRASE_BOILER),
    P("next story", PREFIX, PHRASE_BOILER),
    P("skip to content", PREFIX, PHRASE_BOILER),
    P("skip to main content", PREFIX, PHRASE_BOILER),
    P("skip to navigation", PREFIX, PHRASE_BOILER),
    P("jump to", PREFIX, PHRASE_BOILER),
    P("back to top", PREFIX, PHRASE_BOILER),
    P("click here", PREFIX, PHRASE_BOILER),
    P("log in", WHOLE, PHRASE_BOILER),
    P("login", WHOLE, PHRASE_BOILER),
    P("sign in", WHOLE, PHRASE_BOILER),
    P("register", WHOLE, PHRASE_BOILER),
    P("search", WHOLE, PHRASE_BOILER),
    P("menu", WHOLE, PHRASE_BOILER),
    P("home", WHOLE, PHRASE_BOILER),
    P("print", WHOLE, PHRASE_BOILER),
    P("email", WHOLE, PHRASE_BOILER),
    P("share", WHOLE, PHRASE_BOILER),
    P("tweet", WHOLE, PHRASE_BOILER),
    P("loading", WHOLE, PHRASE_BOILER),
    P("advertisement", WHOLE, PHRASE_BOILER),
    P("partager", WHOLE, PHRASE_BOILER),
    P("teilen", WHOLE, PHRASE_BOILER),
    P("compartir", WHOLE, PHRASE_BOILER),
    P("condividi", WHOLE, PHRASE_BOILER),
    P("compartilhar", WHOLE, PHRASE_BOILER),
    P("поделиться", WHOLE, PHRASE_BOILER),
};

/* Words of a share row: "Share 0 Tweet 0 Pin 0 Email". */
#define W(word) { word, sizeof word - 1 }
static const struct { const char *word; size_t len; } share_words[] = {
    W("share"), W("shares"), W("tweet"), W("tweets"), W("pin"), W("email"),
    W("e mail"), W("mail"), W("print"), W("like"), W("likes"), W("facebook"),
    W("twitter"), W("linkedin"), W("pinterest"), W("reddit"), W("whatsapp"),
    W("telegram"), W("tumblr"), W("google"), W("digg"), W("flipboard"),
    W("pocket"), W("comment"), W("comments"), W("save"), W("copy"), W("link"),
    W("sms"), W("stumbleupon"), W("buffer"), W("messenger"), W("x"),
};

/* Words after a number that make a comment counter: "12 Comments". */
static const char *const count_words[] = {
    "comments", "comment", "responses", "response", "replies", "thoughts on",
    "reactions", "kommentare", "commentaires", "comentarios", "commenti",
    "comentários", "комментариев", "комментария", "комментарий",
};

enum {
    WHOLE_SHIFT = 0,       /* 2 bits: phrase_kind of a WHOLE entry */
    PREFIX_SHIFT = 2,      /* 2 bits: phrase_kind of a PREFIX entry */
    SHARE_WORD = 1u << 4,
    COUNT_WORD = 1u << 5,
    FIRST_WORD = 1u << 6   /* keyed by the word hash of stoplist.h */
};

struct phrases {
    size_t mask;
    uint64_t *keys;        /* hash of the folded phrase; 0 = empty */
    uint8_t *vals;
};

static uint64_t hash_bytes(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h;
}
#define HASH_INIT 0xcbf29ce484222325ull

static void put(phrases *p, uint64_t h, unsigned bits)
{
    h += h == 0;
    size_t i = (size_t)h & p->mask;
    while (p->keys[i] != 0 && p->keys[i] != h)
        i = (i + 1) & p->mask;
    p->keys[i] = h;
    p->vals[i] |= (uint8_t)bits;
}

/* The first word of a folded phrase, hashed as block_features hashes words. */
static uint64_t first_word_hash(const char *key, size_t len)
{
    uint64_t h = WORD_HASH_INIT;
    for (size_t i = 0; i < len && key[i] != ' '; i++)
        h = word_hash_step(h, (unsigned char)key[i]);
    return word_hash_final(h) ^ 0x5a5a5a5a5a5a5a5aull;   /* apart from phrase keys */
}

static unsigned get(const phrases *p, uint64_t h)
{
    h += h == 0;
    for (size_t i = (size_t)h & p->mask;; i = (i + 1) & p->mask) {
        if (p->keys[i] == h)
            return p->vals[i];
        if (p->keys[i] == 0)
            return 0;
    }
}

phrases *phrases_new(const mem *m)
{
    phrases *p = mem_calloc(m, 1, sizeof *p);
    if (!p)
        return NULL;
    size_t slots = 2048;
    p->mask = slots - 1;
    p->keys = mem_calloc(m, slots, sizeof *p->keys);
    p->vals = mem_calloc(m, slots, sizeof *p->vals);
    if (!p->keys || !p->vals) {
        phrases_free(p, m);
        return NULL;
    }
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        /* a table entry is written folded, so its hash is the key's */
        unsigned shift = table[i].mode == WHOLE ? WHOLE_SHIFT : PREFIX_SHIFT;
        uint64_t h = hash_bytes(HASH_INIT, table[i].key, table[i].len);
        if (((get(p, h) >> shift) & 3) == 0)
            put(p, h, (unsigned)table[i].kind << shift);
        put(p, first_word_hash(table[i].key, table[i].len), FIRST_WORD);
    }
    for (size_t i = 0; i < sizeof share_words / sizeof *share_words; i++) {
        put(p, hash_bytes(HASH_INIT, share_words[i].word, share_words[i].len), SHARE_WORD);
        put(p, first_word_hash(share_words[i].word, share_words[i].len), FIRST_WORD);
    }
    for (size_t i = 0; i < sizeof count_words / sizeof *count_words; i++)
        put(p, hash_bytes(HASH_INIT, count_words[i], strlen(count_words[i])), COUNT_WORD);
    return p;
}

int phrases_may_start(const phrases *p, uint64_t first_word_hash_)
{
    return (get(p, first_word_hash_ ^ 0x5a5a5a5a5a5a5a5aull) & FIRST_WORD) != 0;
}

void phrases_free(phrases *p, const mem *m)
{
    if (!p)
        return;
    mem_free(m, p->keys);
    mem_free(m, p->vals);
    mem_free(m, p);
}

#define KEY_MAX 96     /* folded bytes looked at */
#define WORDS_MAX 16

/* The text folded for matching: lower case, apostrophes as ', every run of
 * other non-word characters as one space, no space at either end. */
typedef struct key {
    char s[KEY_MAX];
    size_t len;
    int complete;          /* the whole text fitted */
    unsigned words;
    size_t ends[WORDS_MAX];  /* end of each word */
} key;

static void fold(const char *text, size_t len, key *k)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, n = 0;
    int space = 1;
    k->words = 0;
    k->complete = 0;
    while (i < len) {
        uint32_t cp = s[i];
        if (cp < 0x80 && cp != '\'') {
            /* ASCII: no decoding, no encoding */
            if ((cp | 32) - 'a' < 26u || cp - '0' < 10u || cp == '_') {
                if (n + 1 > KEY_MAX)
                    break;
                k->s[n++] = (char)(cp - 'A' < 26u ? cp + 32 : cp);
                space = 0;
            } else if (!space) {
                if (k->words < WORDS_MAX)
                    k->ends[k->words] = n;
                k->words++;
                if (n + 1 > KEY_MAX)
                    break;
                k->s[n++] = ' ';
                space = 1;
            }
            i++;
            continue;
        }
        size_t step = cp < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
        char enc[4];
        size_t m = 0;
        if (cp == '\'' || cp == 0x2019)
            enc[0] = '\'', m = 1;
        else if (utf8_is_word(cp))
            m = utf8_encode(utf8_fold(cp), enc);
        if (m) {
            if (n + m > KEY_MAX)
                break;
            memcpy(k->s + n, enc, m);
            n += m;
            space = 0;
        } else if (!space) {
            if (k->words < WORDS_MAX)
                k->ends[k->words] = n;
            k->words++;
            if (n + 1 > KEY_MAX)
                break;
            k->s[n++] = ' ';
            space = 1;
        }
        i += step;
    }
    if (i >= len) {
        k->complete = 1;
        if (!space) {
            if (k->words < WORDS_MAX)
                k->ends[k->words] = n;
            k->words++;
        } else if (n > 0) {
            n--;
        }
    }
    k->len = n;
}

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return n > 0;
}

static int is_share_row(const phrases *p, const key *k)
{
    if (!k->complete || k->words < 2 || k->words > WORDS_MAX)
        return 0;
    size_t start = 0;
    for (unsigned w = 0; w < k->words; w++) {
        size_t end = k->ends[w];
        if (!all_digits(k->s + start, end - start) &&
            !(get(p, hash_bytes(HASH_INIT, k->s + start, end - start)) & SHARE_WORD))
            return 0;
        start = end + 1;
    }
    return 1;
}

static int is_comment_count(const phrases *p, const key *k)
{
    if (!k->complete || k->words < 2 || k->words > WORDS_MAX ||
        !all_digits(k->s, k->ends[0]))
        return 0;
    size_t start = k->ends[0] + 1;
    uint64_t h = HASH_INIT;
    for (unsigned w = 1; w < k->words && w <= 2; w++) {
        h = hash_bytes(h, k->s + (w == 1 ? start : k->ends[w - 1]),
                       k->ends[w] - (w == 1 ? start : k->ends[w - 1]));
        if (get(p, h) & COUNT_WORD)
            return 1;
    }
    return 0;
}

phrase_kind phrases_match(const phrases *p, const char *text, size_t len)
{
    key k;
    fold(text, len, &k);
    if (k.len == 0)
        return PHRASE_NONE;
    if (is_comment_count(p, &k))
        return PHRASE_COMMENTS;
    if (is_share_row(p, &k))
        return PHRASE_BOILER;
    /* the shortest matching prefix wins, then a whole match */
    unsigned words = k.words < WORDS_MAX ? k.words : WORDS_MAX;
    size_t start = 0;
    uint64_t h = HASH_INIT;
    for (unsigned w = 0; w < words; w++) {
        size_t end = k.ends[w];
        if (end > k.len)
            break;
        h = hash_bytes(h, k.s + start, end - start);
        unsigned v = get(p, h);
        unsigned pk = (v >> PREFIX_SHIFT) & 3;
        /* a long text may only open with a related-link marker */
        if (pk && (k.complete || pk == PHRASE_RELATED))
            return (phrase_kind)pk;
        if (w + 1 == k.words && k.complete && ((v >> WHOLE_SHIFT) & 3))
            return (phrase_kind)((v >> WHOLE_SHIFT) & 3);
        start = end;
    }
    return PHRASE_NONE;
}
