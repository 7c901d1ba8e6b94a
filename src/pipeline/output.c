#include "pipeline/output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/codes.h"
#include "core/syserr.h"

bool rel_output_make_dirs(const char *path, rel_arena *arena)
{
    char *copy = rel_arena_strdup(arena, path);
    if (copy == NULL)
        return false;
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST)
            return false;
        *p = '/';
    }
    return mkdir(copy, 0777) == 0 || errno == EEXIST;
}

/* True when `inner` is `outer` or lies below it (both canonical). */
static bool is_within(const char *inner, const char *outer)
{
    size_t len = strlen(outer);
    return strncmp(inner, outer, len) == 0
           && (inner[len] == '\0' || inner[len] == '/' || strcmp(outer, "/") == 0);
}

/* The canonical path `path` will have once created: the canonical path of
 * its longest existing ancestor, with the rest appended. Lets us refuse an
 * output inside the input before creating anything there. */
static bool future_realpath(const char *path, rel_arena *arena, char *out)
{
    char *prefix = rel_arena_strdup(arena, path);
    if (prefix == NULL)
        return false;
    const char *suffix = "";
    while (realpath(prefix[0] ? prefix : ".", out) == NULL) {
        char *slash = strrchr(prefix, '/');
        if (slash == NULL) {
            suffix = path;
            prefix[0] = '\0';
            continue;
        }
        suffix = path + (slash - prefix) + 1;
        if (slash == prefix) {
            strcpy(prefix, "/");   /* an absolute path: its root exists */
            continue;
        }
        *slash = '\0';
    }
    size_t len = strlen(out);
    if (suffix[0])
        snprintf(out + len, PATH_MAX - len, "%s%s", out[len - 1] == '/' ? "" : "/", suffix);
    return true;
}

/* The deepest directory of `path` that exists already ("out/a/b" => "out"
 * when only out exists), as written. */
static const char *existing_part(const char *path, rel_arena *arena)
{
    char *prefix = rel_arena_strdup(arena, path);
    struct stat info;
    while (prefix != NULL && prefix[0] && stat(prefix, &info) != 0) {
        char *slash = strrchr(prefix, '/');
        if (slash == NULL)
            return ".";
        *slash = '\0';
        if (prefix[0] == '\0')
            return "/";
    }
    return prefix && prefix[0] ? prefix : ".";
}

bool rel_output_check(const char *out_dir, const char *in_dir, rel_arena *arena,
                      rel_diags *diags)
{
    rel_origin where = {out_dir, 0, 0};
    char planned[PATH_MAX], in_planned[PATH_MAX];
    if (in_dir != NULL && realpath(in_dir, in_planned) != NULL
        && future_realpath(out_dir, arena, planned) && is_within(planned, in_planned)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_INSIDE, where,
                     "la cartella di output non può stare dentro la cartella di input «%s»: "
                     "gli input non vanno mai toccati", in_dir);
        return false;
    }
    const char *base = existing_part(out_dir, arena);
    struct stat info;
    if (base == NULL || stat(base, &info) != 0 || !S_ISDIR(info.st_mode)
        || access(base, W_OK | X_OK) != 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, where,
                     "la cartella di output non si può creare o non è scrivibile (%s): "
                     "nulla è stato calcolato", base ? base : out_dir);
        return false;
    }
    return true;
}

/* A build killed mid-run (no cleanup is possible then) leaves its staged
 * files ".NAME.tmp-XXXXXX"; the next build into the directory removes
 * those of the names it publishes, and nothing else. */
static void remove_stale(const char *out_dir, const char *const *names, rel_arena *arena)
{
    DIR *listing = opendir(out_dir);
    for (struct dirent *e; listing && (e = readdir(listing)) != NULL;) {
        for (size_t i = 0; names[i]; i++) {
            const char *prefix = rel_arena_printf(arena, ".%s.tmp-", names[i]);
            if (prefix && strncmp(e->d_name, prefix, strlen(prefix)) == 0
                && strlen(e->d_name) == strlen(prefix) + 6) {
                const char *path = rel_arena_printf(arena, "%s/%s", out_dir, e->d_name);
                if (path)
                    unlink(path);
            }
        }
    }
    if (listing)
        closedir(listing);
}

bool rel_output_prepare(rel_output_set *set, const char *out_dir, const char *in_dir,
                        const char *const *names, rel_arena *arena, rel_diags *diags)
{
    memset(set, 0, sizeof *set);
    set->dir = out_dir;
    rel_origin where = {out_dir, 0, 0};
    if (!rel_output_check(out_dir, in_dir, arena, diags))
        return false;
    if (!rel_output_make_dirs(out_dir, arena)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, where,
                     "impossibile creare la cartella di output: %s", rel_syserr(errno));
        return false;
    }
    if (access(out_dir, W_OK | X_OK) != 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, where,
                     "la cartella di output non è scrivibile: %s", rel_syserr(errno));
        return false;
    }
    remove_stale(out_dir, names, arena);
    return true;
}

const char *rel_output_stage(rel_output_set *set, const char *name, rel_arena *arena,
                             rel_diags *diags)
{
    const char *final_path = rel_arena_printf(arena, "%s/%s", set->dir, name);
    char *temp_path = rel_arena_printf(arena, "%s/.%s.tmp-XXXXXX", set->dir, name);
    if (final_path == NULL || temp_path == NULL || set->count == REL_OUTPUT_MAX_FILES)
        return NULL;
    int fd = mkstemp(temp_path);
    if (fd < 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, (rel_origin){final_path, 0, 0},
                     "impossibile creare il file temporaneo: %s", rel_syserr(errno));
        return NULL;
    }
    /* mkstemp creates 0600; outputs are ordinary documents. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    close(fd);
    set->files[set->count++] = (rel_output_file){final_path, temp_path};
    return temp_path;
}

const char *rel_output_final_path(const rel_output_set *set, const char *temp_path)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->files[i].temp_path == temp_path)
            return set->files[i].final_path;
    return temp_path;
}

static bool flush_to_disk(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    bool ok = fsync(fd) == 0;
    return close(fd) == 0 && ok;
}

bool rel_output_commit(rel_output_set *set, rel_diags *diags)
{
    for (size_t i = 0; i < set->count; i++) {
        if (!flush_to_disk(set->files[i].temp_path)) {
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE,
                         (rel_origin){set->files[i].final_path, 0, 0},
                         "scrittura non riuscita: %s", rel_syserr(errno));
            rel_output_abort(set);
            return false;
        }
    }
    for (size_t i = 0; i < set->count; i++) {
        rel_output_file *file = &set->files[i];
        if (rename(file->temp_path, file->final_path) != 0) {
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE,
                         (rel_origin){file->final_path, 0, 0},
                         "impossibile pubblicare il file: %s", rel_syserr(errno));
            rel_output_abort(set);
            return false;
        }
        file->temp_path = NULL;
    }
    return true;
}

void rel_output_abort(rel_output_set *set)
{
    for (size_t i = 0; i < set->count; i++) {
        if (set->files[i].temp_path != NULL)
            unlink(set->files[i].temp_path);
        set->files[i].temp_path = NULL;
    }
}
