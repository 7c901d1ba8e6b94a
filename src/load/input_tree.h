/*
 * input_tree.h - what the input directory holds, looked at once, before
 * any file is opened.
 *
 * Walks the directory (every level), classifying each entry by lstat:
 *   - regular files and directories are listed;
 *   - a symbolic link is followed only when it resolves inside the input
 *     directory, to a file or to a directory that does not contain it;
 *     otherwise it is E009, naming the link: a link to itself, a loop of
 *     links, a dangling link, a link leading outside the directory, a link
 *     to a directory that contains it (a cycle: this used to hang the
 *     manifest);
 *   - named pipes, devices and sockets are E008 and never opened;
 *   - lock files of Excel and Word (~$NAME) and LibreOffice (.~lock.NAME#)
 *     are W013, naming the file that is open, and skipped;
 *   - other hidden names (".…") are skipped, as ever;
 *   - a directory that cannot be listed is E014 (never an empty directory).
 * The loader and the manifest both work from this list, so they agree on
 * what the inputs are. Nothing is opened but directories.
 */
#ifndef REL_INPUT_TREE_H
#define REL_INPUT_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"

typedef enum rel_input_kind {
    REL_INPUT_FILE,      /* a regular file, or a link to one inside the directory */
    REL_INPUT_DIR,       /* a directory, or a link to one inside: its entries follow */
    REL_INPUT_REFUSED,   /* reported (E008, E009, E014): never read */
} rel_input_kind;

typedef struct rel_input_entry {
    const char *path;      /* relative to the root: "tabelle/fondi.csv" */
    const char *fs_path;   /* the root joined with path: what to open */
    rel_input_kind kind;
} rel_input_entry;

typedef struct rel_input_tree {
    const char *root;
    rel_input_entry *entries;   /* depth first, each directory in byte order */
    size_t count;
    size_t capacity;
} rel_input_tree;

/* Walks `root` (an existing directory) into *tree. Returns false when an
 * error was added (E001, E008, E009, E014); the tree then still holds
 * every entry that could be classified, the refused ones included. */
bool rel_input_scan(const char *root, rel_arena *arena, rel_diags *diags, rel_input_tree *tree);

/* The entry at `path` (relative, exact), or NULL. */
const rel_input_entry *rel_input_find(const rel_input_tree *tree, const char *path);

/* The names of the files (REL_INPUT_FILE) directly inside the directory
 * `dir` of the tree ("" for the root) whose name ends in `suffix` (any
 * letter case) and does not start with '.', in byte order, into an arena
 * array *names. Returns how many, or SIZE_MAX when out of memory. */
size_t rel_input_files(const rel_input_tree *tree, const char *dir, const char *suffix,
                       rel_arena *arena, const char ***names);

#endif
