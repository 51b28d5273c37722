#ifndef FLIGHTDECK_CNCURSES_SHIM_H
#define FLIGHTDECK_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <ncursesw/curses.h>

/* Swift 6 cannot read C globals and does not import function-like macros;
   these getters expose what the Terminal module needs. */
static inline int fd_colors(void) { return COLORS; }
static inline int fd_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t fd_a_normal(void) { return A_NORMAL; }
static inline attr_t fd_a_bold(void) { return A_BOLD; }
static inline attr_t fd_a_dim(void) { return A_DIM; }
static inline attr_t fd_a_reverse(void) { return A_REVERSE; }
static inline attr_t fd_a_underline(void) { return A_UNDERLINE; }
static inline int fd_key_resize(void) { return KEY_RESIZE; }
static inline FILE *fd_stdout(void) { return stdout; }
/* The current screen's stdscr (newterm makes its screen current). */
static inline WINDOW *fd_stdscr(void) { return stdscr; }
static inline FILE *fd_stdin(void) { return stdin; }

#endif
