/* bullet.h - the marks that open a list item, shared by the readers and
 * the features.
 *
 * Three places look for a list item's mark, each with its own job, and
 * their sets differ on purpose (the outputs and the trained weights
 * depend on them):
 * - text_reader.c, to find where an item's text starts and not join it to
 *   the wrapped line before: bullet_ascii() and a space, U+2022, or a
 *   number and "." or ")" and a space ("1. ", "2) ");
 * - block_features.c, the `bullet` feature the model was fitted with:
 *   bullet_ascii() and a space, '#' with anything after it ("#tag"),
 *   and the round and square bullets U+2022, U+25E6, U+25AA;
 * - phrases.c numbered_item(), which skips only '*', '-' and blanks
 *   before a number: it asks whether a line is a numbered item, and a
 *   mark of its own before the number is rare.
 * Widening one set to another's changes outputs on the dev set, so each
 * keeps its own; the ASCII marks common to the first two live here. */
#ifndef BULLET_H
#define BULLET_H

/* '*', '+', '-', 'o' and '#': with a space after them, a list item */
static inline int bullet_ascii(unsigned c)
{
    return c == '*' || c == '+' || c == '-' || c == 'o' || c == '#';
}

#endif
