#include "load/input_tree.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/codes.h"
#include "core/syserr.h"

/* Deeper than any input directory needs, shallow enough to stop a chain
 * of links to directories beside each other. */
#define MAX_DEPTH 32

typedef struct walker {
    rel_input_tree *tree;
    rel_arena *arena;
    rel_diags *diags;
    char real_root[PATH_MAX];
    dev_t devs[MAX_DEPTH];     /* the directories being walked, root first */
    ino_t inos[MAX_DEPTH];
    int depth;
    bool ok;
} walker;

static void error(walker *w, const char *code, const char *path, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static void error(walker *w, const char *code, const char *path, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    rel_diag_vadd(w->diags, REL_SEV_ERROR, code, (rel_origin){path, 0, 0}, format, args);
    va_end(args);
    w->ok = false;
}

static void out_of_memory(walker *w, const char *path)
{
    error(w, REL_E_OUT_OF_MEMORY, path, "memoria esaurita esaminando la cartella di input");
}

static void add(walker *w, const char *path, const char *fs_path, rel_input_kind kind)
{
    rel_input_tree *t = w->tree;
    if (t->count == t->capacity) {
        size_t capacity = t->capacity ? t->capacity * 2 : 64;
        rel_input_entry *bigger = rel_arena_array(w->arena, capacity, sizeof *bigger);
        if (bigger == NULL) {
            out_of_memory(w, fs_path);
            return;
        }
        if (t->count)
            memcpy(bigger, t->entries, t->count * sizeof *bigger);
        t->entries = bigger;
        t->capacity = capacity;
    }
    t->entries[t->count++] = (rel_input_entry){path, fs_path, kind};
}

/* "input" + "schede.csv" => "input/schede.csv" (no doubled slash). */
static const char *join(rel_arena *arena, const char *dir, const char *name)
{
    if (dir[0] == '\0')
        return rel_arena_strdup(arena, name);
    size_t len = strlen(dir);
    return rel_arena_printf(arena, "%s%s%s", dir, dir[len - 1] == '/' ? "" : "/", name);
}

static bool on_stack(const walker *w, const struct stat *info)
{
    for (int i = 0; i < w->depth; i++)
        if (w->devs[i] == info->st_dev && w->inos[i] == info->st_ino)
            return true;
    return false;
}

static int by_bytes(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void visit(walker *w, const char *dir, const char *fs_dir, const char *name);

/* Lists the directory `fs_dir` (named `dir` in the tree, `info` its stat). */
static void descend(walker *w, const char *dir, const char *fs_dir, const struct stat *info)
{
    if (w->depth == MAX_DEPTH) {
        error(w, REL_E_DIR_LIST, fs_dir, "cartelle annidate oltre %d livelli: non viene letta",
              MAX_DEPTH);
        return;
    }
    struct dirent **entries;
    int n = scandir(fs_dir, &entries, NULL, by_bytes);
    if (n < 0) {
        if (errno == ENOMEM)
            out_of_memory(w, fs_dir);
        else
            error(w, REL_E_DIR_LIST, fs_dir, "impossibile leggere la cartella: %s",
                  rel_syserr(errno));
        return;
    }
    w->devs[w->depth] = info->st_dev;
    w->inos[w->depth] = info->st_ino;
    w->depth++;
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0)
            visit(w, dir, fs_dir, name);
        free(entries[i]);
    }
    free(entries);
    w->depth--;
}

/* Lock files say that a file is open in an editor; true when `name` is one
 * (reported as W013). */
static bool lock_file(walker *w, const char *fs_dir, const char *name)
{
    size_t len = strlen(name);
    bool libreoffice = strncmp(name, ".~lock.", 7) == 0 && len > 8 && name[len - 1] == '#';
    bool office = strncmp(name, "~$", 2) == 0 && len > 2;
    if (!libreoffice && !office)
        return false;
    const char *path = join(w->arena, fs_dir, name);
    if (libreoffice)
        rel_diag_add(w->diags, REL_SEV_WARNING, REL_W_FILE_LOCK, (rel_origin){path, 0, 0},
                     "file di blocco di LibreOffice: «%.*s» è aperto in LibreOffice; chiuderlo "
                     "(salvando) prima di compilare, o le modifiche non salvate non saranno "
                     "incluse", (int)(len - 8), name + 7);
    else
        rel_diag_add(w->diags, REL_SEV_WARNING, REL_W_FILE_LOCK, (rel_origin){path, 0, 0},
                     "file di blocco di Microsoft Office: un file dal nome simile a «%s» è "
                     "aperto in Excel o in Word; chiuderlo (salvando) prima di compilare, o le "
                     "modifiche non salvate non saranno incluse", name + 2);
    return true;
}

/* Why `fs_path`, a link that realpath could not resolve, cannot be followed. */
static void broken_link(walker *w, const char *fs_path, const char *name, int why)
{
    char target[PATH_MAX];
    ssize_t n = readlink(fs_path, target, sizeof target - 1);
    target[n > 0 ? n : 0] = '\0';
    if (why == ENOMEM)
        out_of_memory(w, fs_path);
    else if (why == ELOOP && (strcmp(target, name) == 0
                              || (strncmp(target, "./", 2) == 0 && strcmp(target + 2, name) == 0)))
        error(w, REL_E_FILE_LINK, fs_path, "è un collegamento simbolico a se stesso");
    else if (why == ELOOP)
        error(w, REL_E_FILE_LINK, fs_path, "è un collegamento simbolico che rimanda a «%s» in "
              "un giro senza fine (un ciclo di collegamenti)", target);
    else if (why == ENOENT)
        error(w, REL_E_FILE_LINK, fs_path, "è un collegamento simbolico interrotto: punta a "
              "«%s», che non esiste", target);
    else
        error(w, REL_E_FILE_LINK, fs_path, "è un collegamento simbolico che non si può "
              "seguire: %s", rel_syserr(why));
}

static bool within(const char *path, const char *root)
{
    size_t len = strlen(root);
    return strncmp(path, root, len) == 0
           && (path[len] == '\0' || path[len] == '/' || strcmp(root, "/") == 0);
}

static void special(walker *w, const char *path, const char *fs_path, mode_t mode)
{
    error(w, REL_E_FILE_SPECIAL, fs_path, "è %s, non un file: non viene letto; toglierlo dalla "
          "cartella di input", S_ISFIFO(mode) ? "una pipe con nome (FIFO)"
                               : S_ISSOCK(mode) ? "un socket" : "un dispositivo");
    add(w, path, fs_path, REL_INPUT_REFUSED);
}

/* A symbolic link: followed inside the directory only, never in a cycle. */
static void follow(walker *w, const char *path, const char *fs_path, const char *name)
{
    char resolved[PATH_MAX];
    struct stat info;
    if (realpath(fs_path, resolved) == NULL) {
        broken_link(w, fs_path, name, errno);
    } else if (!within(resolved, w->real_root)) {
        error(w, REL_E_FILE_LINK, fs_path, "è un collegamento simbolico che porta fuori dalla "
              "cartella di input (a «%s»): non viene seguito; copiare il file nella cartella",
              resolved);
    } else if (stat(resolved, &info) != 0) {
        broken_link(w, fs_path, name, errno);
    } else if (S_ISREG(info.st_mode)) {
        add(w, path, fs_path, REL_INPUT_FILE);
        return;
    } else if (S_ISDIR(info.st_mode) && !on_stack(w, &info)) {
        add(w, path, fs_path, REL_INPUT_DIR);
        descend(w, path, fs_path, &info);
        return;
    } else if (S_ISDIR(info.st_mode)) {
        error(w, REL_E_FILE_LINK, fs_path, "è un collegamento simbolico a una cartella che lo "
              "contiene (a «%s»): seguirlo non finirebbe mai", resolved);
    } else {
        special(w, path, fs_path, info.st_mode);
        return;
    }
    add(w, path, fs_path, REL_INPUT_REFUSED);
}

static void visit(walker *w, const char *dir, const char *fs_dir, const char *name)
{
    if (lock_file(w, fs_dir, name) || name[0] == '.')
        return;
    const char *path = join(w->arena, dir, name);
    const char *fs_path = join(w->arena, fs_dir, name);
    struct stat info;
    if (path == NULL || fs_path == NULL) {
        out_of_memory(w, fs_dir);
    } else if (lstat(fs_path, &info) != 0) {
        error(w, REL_E_FILE_READ, fs_path, "impossibile esaminare il file: %s", rel_syserr(errno));
    } else if (S_ISREG(info.st_mode)) {
        add(w, path, fs_path, REL_INPUT_FILE);
    } else if (S_ISDIR(info.st_mode)) {
        add(w, path, fs_path, REL_INPUT_DIR);
        descend(w, path, fs_path, &info);
    } else if (S_ISLNK(info.st_mode)) {
        follow(w, path, fs_path, name);
    } else {
        special(w, path, fs_path, info.st_mode);
    }
}

bool rel_input_scan(const char *root, rel_arena *arena, rel_diags *diags, rel_input_tree *tree)
{
    *tree = (rel_input_tree){root, NULL, 0, 0};
    walker *w = rel_arena_alloc(arena, sizeof *w);
    struct stat info;
    if (w == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){root, 0, 0},
                     "memoria esaurita esaminando la cartella di input");
        return false;
    }
    *w = (walker){.tree = tree, .arena = arena, .diags = diags, .ok = true};
    if (realpath(root, w->real_root) == NULL || stat(root, &info) != 0) {
        error(w, errno == ENOMEM ? REL_E_OUT_OF_MEMORY : REL_E_DIR_LIST, root,
              "impossibile leggere la cartella: %s", rel_syserr(errno));
        return false;
    }
    descend(w, "", root, &info);
    return w->ok;
}

const rel_input_entry *rel_input_find(const rel_input_tree *tree, const char *path)
{
    for (size_t i = 0; i < tree->count; i++)
        if (strcmp(tree->entries[i].path, path) == 0)
            return &tree->entries[i];
    return NULL;
}

/* The name of `path` when it lies directly inside `dir` ("" being the
 * root), else NULL. */
static const char *child_name(const char *path, const char *dir)
{
    size_t len = strlen(dir);
    if (len == 0)
        return strchr(path, '/') ? NULL : path;
    if (strncmp(path, dir, len) != 0 || path[len] != '/' || strchr(path + len + 1, '/'))
        return NULL;
    return path + len + 1;
}

size_t rel_input_files(const rel_input_tree *tree, const char *dir, const char *suffix,
                       rel_arena *arena, const char ***names)
{
    *names = rel_arena_array(arena, tree->count + 1, sizeof **names);
    if (*names == NULL)
        return SIZE_MAX;
    size_t count = 0, s = strlen(suffix);
    for (size_t i = 0; i < tree->count; i++) {
        const char *name = child_name(tree->entries[i].path, dir);
        size_t n = name ? strlen(name) : 0;
        if (name && tree->entries[i].kind == REL_INPUT_FILE && n > s
            && strcasecmp(name + n - s, suffix) == 0)
            (*names)[count++] = name;
    }
    return count;
}
