#include "batch/batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "batch/summary.h"
#include "core/codes.h"
#include "core/syserr.h"
#include "pipeline/output.h"

bool rel_batch_in_shard(const char *name, int shard, int shards)
{
    uint64_t hash = 14695981039346656037ULL;   /* FNV-1a, 64 bits */
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        hash ^= *p;
        hash *= 1099511628211ULL;
    }
    return shards <= 1 || (int)(hash % (uint64_t)shards) == shard - 1;
}

bool rel_batch_parse_shard(const char *text, int *shard, int *shards)
{
    char *slash;
    long i = strtol(text, &slash, 10);
    if (slash == text || *slash != '/')
        return false;
    char *end;
    long n = strtol(slash + 1, &end, 10);
    if (end == slash + 1 || *end != '\0' || n < 1 || n > 100000 || i < 1 || i > n)
        return false;
    *shard = (int)i;
    *shards = (int)n;
    return true;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The entities: sub-directories of ROOT in byte order, those of the shard. */
static size_t list_entities(const rel_batch_options *o, rel_arena *arena, rel_batch_entity **out)
{
    struct dirent **entries;
    int n = scandir(o->root, &entries, NULL, alphasort);
    if (n < 0)
        return SIZE_MAX;
    rel_batch_entity *list = rel_arena_array(arena, (size_t)n + 1, sizeof *list);
    size_t count = 0;
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        const char *path = rel_arena_printf(arena, "%s/%s", o->root, name);
        struct stat info;
        if (list && path && name[0] != '.' && stat(path, &info) == 0 && S_ISDIR(info.st_mode)
            && rel_batch_in_shard(name, o->shard, o->shards))
            list[count++] = (rel_batch_entity){.name = rel_arena_strdup(arena, name),
                                               .pipe = -1};
        free(entries[i]);
    }
    free(entries);
    *out = list;
    return list ? count : SIZE_MAX;
}

/* What a worker tells the parent, through its pipe. */
typedef struct report {
    int status;
    rel_build_result result;
    size_t errors, warnings;
} report;

/* The worker: one build, its diagnostics to the entity's log, its result
 * to the pipe. Never returns. */
static void work(const rel_batch_options *o, const rel_batch_entity *e, int pipe_fd)
{
    rel_arena arena;
    rel_arena_init(&arena);
    rel_diags diags;
    rel_diags_init(&diags, &arena);
    const char *in = rel_arena_printf(&arena, "%s/%s", o->root, e->name);
    const char *out = rel_arena_printf(&arena, "%s/%s", o->out, e->name);
    report r = {REL_EXIT_SOFTWARE, {false, 0, 0, 0}, 0, 0};
    if (in && out)
        r.status = (int)rel_build(in, out, false, &arena, &diags, &r.result);
    r.errors = diags.errors;
    r.warnings = diags.warnings;
    rel_diags_sort(&diags);
    const char *log = rel_arena_printf(&arena, "%s/%s/%s.txt", o->out, REL_BATCH_LOGS, e->name);
    FILE *file = log ? fopen(log, "w") : NULL;
    if (file) {
        rel_diags_write_text(&diags, file);
        fclose(file);
    }
    ssize_t written = write(pipe_fd, &r, sizeof r);
    close(pipe_fd);
    rel_diags_free(&diags);
    rel_arena_free(&arena);
    _exit(written == (ssize_t)sizeof r ? (r.status & 0xff) : REL_EXIT_SOFTWARE);
}

static bool start(const rel_batch_options *o, rel_batch_entity *e)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    fflush(NULL);   /* nothing buffered may be written twice */
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        work(o, e, fds[1]);
    }
    close(fds[1]);
    e->pid = pid;
    e->pipe = fds[0];
    e->started = now_seconds();
    return true;
}

/* Collects one finished worker into its entity. */
static rel_batch_entity *finish(rel_batch_entity *list, size_t count)
{
    int status;
    pid_t pid = waitpid(-1, &status, 0);
    for (size_t i = 0; pid > 0 && i < count; i++) {
        rel_batch_entity *e = &list[i];
        if (e->pid != pid)
            continue;
        e->seconds = now_seconds() - e->started;
        report r;
        bool reported = read(e->pipe, &r, sizeof r) == (ssize_t)sizeof r;
        close(e->pipe);
        e->pipe = -1;
        e->done = true;
        if (!reported || !WIFEXITED(status)) {
            e->crashed = true;   /* a signal, or no word: the entity's outcome, no one else's */
            e->status = REL_EXIT_SOFTWARE;
            return e;
        }
        e->status = r.status;
        e->result = r.result;
        e->errors = r.errors;
        e->warnings = r.warnings;
        return e;
    }
    return NULL;
}

/* The batch's outcome: the most serious of the entities'. */
static int severity(int status)
{
    static const int order[] = {REL_EXIT_OK, REL_EXIT_FINDINGS, REL_EXIT_DATA, REL_EXIT_NOINPUT,
                                REL_EXIT_CANTCREAT, REL_EXIT_IOERR, REL_EXIT_SOFTWARE};
    for (int i = 0; i < (int)(sizeof order / sizeof order[0]); i++)
        if (order[i] == status)
            return i;
    return 6;
}

static bool prepare_out(const rel_batch_options *o, rel_arena *arena, rel_diags *diags)
{
    struct stat info;
    if (stat(o->root, &info) != 0 || !S_ISDIR(info.st_mode)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_INPUT_DIR, (rel_origin){o->root, 0, 0},
                     "la cartella degli enti non esiste o non è una cartella");
        return false;
    }
    /* refused before anything is created: OUT may not lie inside ROOT */
    if (!rel_output_check(o->out, o->root, arena, diags))
        return false;
    const char *logs = rel_arena_printf(arena, "%s/%s", o->out, REL_BATCH_LOGS);
    if (logs == NULL || !rel_output_make_dirs(logs, arena)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, (rel_origin){o->out, 0, 0},
                     "impossibile creare la cartella dei risultati: %s", rel_syserr(errno));
        return false;
    }
    return true;
}

rel_exit rel_batch_run(const rel_batch_options *o, rel_arena *arena, rel_diags *diags)
{
    if (!prepare_out(o, arena, diags))
        return rel_exit_for(diags);
    rel_batch_entity *list;
    size_t count = list_entities(o, arena, &list);
    if (count == SIZE_MAX) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_INPUT_DIR, (rel_origin){o->root, 0, 0},
                     "impossibile leggere la cartella degli enti: %s", rel_syserr(errno));
        return REL_EXIT_NOINPUT;
    }
    rel_batch_progress progress = {o->progress, o->terminal, count, 0, 0, 0, 0};
    size_t next = 0, running = 0, done = 0;
    int worst = REL_EXIT_OK;
    while (done < count) {
        while (running < (size_t)o->jobs && next < count) {
            if (!start(o, &list[next])) {
                list[next].done = list[next].crashed = true;
                list[next].status = REL_EXIT_SOFTWARE;
                worst = REL_EXIT_SOFTWARE;
                rel_batch_progress_step(&progress, &list[next]);
                done++;
            } else {
                running++;
            }
            next++;
        }
        rel_batch_entity *e = running ? finish(list, count) : NULL;
        if (e == NULL)
            continue;
        running--;
        done++;
        worst = severity(e->status) > severity(worst) ? e->status : worst;
        rel_batch_progress_step(&progress, e);
    }
    rel_batch_progress_end(&progress);
    if (!rel_batch_write_summary(o, list, count, arena, diags))
        return REL_EXIT_IOERR;
    return (rel_exit)worst;
}
