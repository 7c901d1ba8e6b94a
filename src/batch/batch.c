#include "batch/batch.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/entity.h"
#include "batch/progress.h"
#include "batch/summary.h"
#include "batch/worker.h"
#include "core/codes.h"
#include "core/syserr.h"
#include "pipeline/output.h"

/* Byte order, whatever the locale (alphasort would follow LC_COLLATE). */
static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static bool is_entity(const rel_batch_options *o, const char *name, rel_arena *arena)
{
    if (name[0] == '.' || name[0] == '_')
        return false;
    const char *path = rel_arena_printf(arena, "%s/%s", o->root, name);
    struct stat info;
    return path && stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

/* The entities of the shard, in byte order of their names, into *out.
 * Returns their count, or SIZE_MAX (errno set) when ROOT cannot be read or
 * memory runs out. */
static size_t list_entities(const rel_batch_options *o, rel_arena *arena, rel_batch_entity **out)
{
    struct dirent **entries;
    int n = scandir(o->root, &entries, NULL, by_name);
    if (n < 0)
        return SIZE_MAX;
    rel_batch_entity *list = rel_arena_array(arena, (size_t)n + 1, sizeof *list);
    size_t count = 0;
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        if (list && is_entity(o, name, arena) && rel_batch_in_shard(name, o->shard, o->shards)) {
            list[count] = (rel_batch_entity){.name = rel_arena_strdup(arena, name), .pipe = -1};
            if (list[count].name == NULL)
                list = NULL;
            else
                count++;
        }
        free(entries[i]);
    }
    free(entries);
    *out = list;
    if (list == NULL)
        errno = ENOMEM;
    return list ? count : SIZE_MAX;
}

/* ROOT readable and not an entity itself, OUT usable, its log directory
 * made. Returns -1 when all is well, else the batch's exit status. */
static int prepare(const rel_batch_options *o, rel_output_set *summary, rel_arena *arena,
                   rel_diags *diags)
{
    struct stat info;
    if (stat(o->root, &info) != 0 || !S_ISDIR(info.st_mode)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_INPUT_DIR, (rel_origin){o->root, 0, 0},
                     "la cartella degli enti non esiste o non è una cartella");
        return REL_EXIT_NOINPUT;
    }
    const char *ini = rel_arena_printf(arena, "%s/metadati.ini", o->root);
    if (ini && stat(ini, &info) == 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_INPUT_DIR, (rel_origin){o->root, 0, 0},
                     "è la cartella di input di un ente (contiene metadati.ini), non una "
                     "cartella di enti: usare «relazione build %s»", o->root);
        return REL_EXIT_USAGE;
    }
    if (!rel_output_prepare(summary, o->out, o->root, arena, diags)
        || !rel_output_begin(summary, arena, diags)) {
        rel_output_abort(summary);
        return rel_exit_for(diags);
    }
    const char *logs = rel_arena_printf(arena, "%s/%s", o->out, REL_BATCH_LOGS);
    if (logs == NULL || !rel_output_make_dirs(logs, arena)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, (rel_origin){o->out, 0, 0},
                     "impossibile creare la cartella dei registri %s: %s", logs ? logs : "",
                     rel_syserr(errno));
        return REL_EXIT_CANTCREAT;
    }
    return -1;
}

static void crashed(rel_batch_entity *e, rel_batch_progress *progress)
{
    *e = (rel_batch_entity){.name = e->name, .pipe = -1, .done = true, .crashed = true,
                            .status = REL_EXIT_SOFTWARE};
    rel_batch_progress_step(progress, e);
}

/* Workers that waitpid() no longer knows (only if someone else reaped
 * them): their entities crashed, as far as this batch can tell. */
static void lost(rel_batch_entity *list, size_t started, rel_batch_progress *progress)
{
    for (size_t i = 0; i < started; i++)
        if (!list[i].done) {
            if (list[i].pipe >= 0)
                close(list[i].pipe);
            crashed(&list[i], progress);
        }
}

/* Runs every entity, at most o->jobs at once; returns the worst status. */
static int run_all(const rel_batch_options *o, rel_batch_entity *list, size_t count,
                   rel_batch_progress *progress)
{
    size_t next = 0, running = 0;
    int worst = REL_EXIT_OK;
    while (next < count || running > 0) {
        while (running < (size_t)o->jobs && next < count) {
            rel_batch_entity *e = &list[next++];
            if (rel_batch_worker_start(o, e)) {
                running++;
                continue;
            }
            crashed(e, progress);   /* no pipe or no process: this entity's outcome */
            worst = REL_EXIT_SOFTWARE;
        }
        if (running == 0)
            continue;
        rel_batch_entity *e = rel_batch_worker_collect(list, count);
        if (e == NULL) {
            lost(list, next, progress);   /* no child left to wait for: none will report */
            worst = REL_EXIT_SOFTWARE;
            running = 0;
            continue;
        }
        running--;
        if (rel_batch_rank(e->status) > rel_batch_rank(worst))
            worst = e->status;
        rel_batch_progress_step(progress, e);
    }
    return worst;
}

static bool write_summary(rel_output_set *set, const rel_batch_entity *list, size_t count,
                          rel_arena *arena, rel_diags *diags)
{
    const char *csv = rel_output_stage(set, REL_BATCH_SUMMARY_CSV, arena, diags);
    const char *json = csv ? rel_output_stage(set, REL_BATCH_SUMMARY_JSON, arena, diags) : NULL;
    if (json == NULL) {
        rel_output_abort(set);
        return false;
    }
    if (!rel_batch_summary_csv(csv, list, count) || !rel_batch_summary_json(json, list, count)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, (rel_origin){set->dir, 0, 0},
                     "impossibile scrivere il riepilogo del lotto: %s", rel_syserr(errno));
        rel_output_abort(set);
        return false;
    }
    return rel_output_commit(set, diags);
}

rel_exit rel_batch_run(const rel_batch_options *o, rel_arena *arena, rel_diags *diags)
{
    rel_output_set summary;
    int early = prepare(o, &summary, arena, diags);
    if (early >= 0)
        return (rel_exit)early;
    rel_batch_entity *list;
    size_t count = list_entities(o, arena, &list);
    if (count == SIZE_MAX) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_INPUT_DIR, (rel_origin){o->root, 0, 0},
                     "impossibile leggere la cartella degli enti: %s", rel_syserr(errno));
        return REL_EXIT_NOINPUT;
    }
    rel_batch_progress progress;
    rel_batch_progress_init(&progress, o->progress, o->terminal, o->out, count);
    int worst = run_all(o, list, count, &progress);
    bool written = write_summary(&summary, list, count, arena, diags);
    rel_batch_progress_end(&progress, list, count, written);
    return written ? (rel_exit)worst : REL_EXIT_IOERR;
}
