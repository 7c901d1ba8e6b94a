#include "pipeline/output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/codes.h"
#include "core/syserr.h"
#include "pipeline/publish.h"

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

/* Opens and locks the output directory for this run; false after adding E230 (another
 * run holds it) or E200. A file system without locks is used unlocked. */
static bool lock_dir(rel_output_set *set, const char *out_dir, rel_diags *diags)
{
    if (set->dir_fd >= 0)
        return true;
    rel_origin where = {out_dir, 0, 0};
    set->dir_fd = open(out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (set->dir_fd < 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, where,
                     "impossibile aprire la cartella di output: %s", rel_syserr(errno));
        return false;
    }
    if (flock(set->dir_fd, LOCK_EX | LOCK_NB) == 0 || (errno != EWOULDBLOCK && errno != EINTR))
        return true;
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_BUSY, where,
                 "un'altra esecuzione di relazione sta scrivendo in questa cartella: "
                 "attendere che finisca, o scegliere un'altra cartella con -o");
    close(set->dir_fd);
    set->dir_fd = -1;
    return false;
}

/* Locks `out_dir` and undoes what a killed run left there. */
static bool take_over(rel_output_set *set, rel_diags *diags)
{
    if (!lock_dir(set, set->dir, diags))
        return false;
    if (rel_publish_recover(set->dir_fd, set->dir, diags))
        return true;
    rel_output_abort(set);
    return false;
}

bool rel_output_prepare(rel_output_set *set, const char *out_dir, const char *in_dir,
                        rel_arena *arena, rel_diags *diags)
{
    memset(set, 0, sizeof *set);
    set->dir = out_dir;
    set->dir_fd = -1;
    if (!rel_output_check(out_dir, in_dir, arena, diags))
        return false;
    struct stat info;
    return stat(out_dir, &info) != 0 || take_over(set, diags);
}

bool rel_output_begin(rel_output_set *set, rel_arena *arena, rel_diags *diags)
{
    rel_origin where = {set->dir, 0, 0};
    if (!rel_output_make_dirs(set->dir, arena)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, where,
                     "impossibile creare la cartella di output: %s", rel_syserr(errno));
        return false;
    }
    if (access(set->dir, W_OK | X_OK) != 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, where,
                     "la cartella di output non è scrivibile: %s", rel_syserr(errno));
        return false;
    }
    if (set->dir_fd < 0 && !take_over(set, diags))
        return false;
    char *staging = rel_arena_printf(arena, "%s/" REL_OUTPUT_STAGING_PREFIX "XXXXXX", set->dir);
    if (staging == NULL || mkdtemp(staging) == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, staging ? REL_E_OUTPUT_DIR : REL_E_OUT_OF_MEMORY,
                     where, "impossibile creare la cartella temporanea di lavoro: %s",
                     rel_syserr(staging ? errno : ENOMEM));
        return false;
    }
    set->staging = staging;
    return true;
}

rel_output_file *rel_output_add(rel_output_set *set, const char *name, rel_arena *arena,
                                rel_diags *diags)
{
    const char *final_path = rel_arena_printf(arena, "%s/%s", set->dir, name);
    const char *staged_path = rel_arena_printf(arena, "%s/%s", set->staging, name);
    if (final_path == NULL || staged_path == NULL || set->count == REL_OUTPUT_MAX_FILES
        || set->staging == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){set->dir, 0, 0},
                     "memoria esaurita preparando i file di output");
        return NULL;
    }
    rel_output_file *file = &set->files[set->count++];
    *file = (rel_output_file){.name = name, .final_path = final_path,
                              .staged_path = staged_path};
    return file;
}

const char *rel_output_stage(rel_output_set *set, const char *name, rel_arena *arena,
                             rel_diags *diags)
{
    rel_output_file *file = rel_output_add(set, name, arena, diags);
    return file ? file->staged_path : NULL;
}

const char *rel_output_final_path(const rel_output_set *set, const char *staged_path)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->files[i].staged_path == staged_path)
            return set->files[i].final_path;
    return staged_path;
}

static void release(rel_output_set *set)
{
    if (set->dir_fd >= 0)
        close(set->dir_fd);   /* drops the lock */
    set->dir_fd = -1;
    set->staging = NULL;
}

bool rel_output_commit(rel_output_set *set, rel_diags *diags)
{
    bool ok = set->staging != NULL && rel_publish(set, diags);
    release(set);
    return ok;
}

void rel_output_abort(rel_output_set *set)
{
    if (set->staging != NULL)
        rel_publish_discard(set->staging);
    release(set);
}
