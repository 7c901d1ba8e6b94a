#include "batch/worker.h"

#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* What a worker tells the parent: a few dozen bytes, under PIPE_BUF, so one
 * write() delivers it whole and it waits in the pipe after the worker ends. */
typedef struct report {
    int status;
    rel_build_result result;
    size_t errors, warnings;
    double seconds;
} report;

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The worker's diagnostics, as `check` prints them, to its log; a log that
 * cannot be written costs the entity nothing else. */
static void write_log(const rel_batch_options *o, const char *name, rel_diags *diags,
                      rel_arena *arena)
{
    const char *path = rel_arena_printf(arena, "%s/%s/%s.txt", o->out, REL_BATCH_LOGS, name);
    FILE *file = path ? fopen(path, "w") : NULL;
    if (file == NULL)
        return;
    rel_diags_sort(diags);
    rel_diags_write_text(diags, file);
    fclose(file);
}

/* The worker's whole life. Never returns: _exit, so that nothing the parent
 * buffered or registered with atexit runs twice. */
static void work(const rel_batch_options *o, const rel_batch_entity *e, int pipe_fd)
{
    double started = now_seconds();
    rel_arena arena;
    rel_arena_init(&arena);
    rel_diags diags;
    rel_diags_init(&diags, &arena);
    const char *in = rel_arena_printf(&arena, "%s/%s", o->root, e->name);
    const char *out = rel_arena_printf(&arena, "%s/%s", o->out, e->name);
    report r = {REL_EXIT_SOFTWARE, {false, 0, 0, 0}, 0, 0, 0.0};
    if (in && out)
        r.status = (int)rel_build(in, out, false, &arena, &diags, &r.result);
    r.errors = diags.errors;
    r.warnings = diags.warnings;
    write_log(o, e->name, &diags, &arena);
    r.seconds = now_seconds() - started;
    ssize_t written;
    do
        written = write(pipe_fd, &r, sizeof r);
    while (written < 0 && errno == EINTR);
    close(pipe_fd);
    rel_diags_free(&diags);
    rel_arena_free(&arena);
    _exit(written == (ssize_t)sizeof r ? (r.status & 0xff) : REL_EXIT_SOFTWARE);
}

bool rel_batch_worker_start(const rel_batch_options *o, rel_batch_entity *e)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    fflush(NULL);   /* what the parent buffered is written once, by the parent */
    pid_t pid = fork();
    if (pid < 0) {
        int saved = errno;
        close(fds[0]);
        close(fds[1]);
        errno = saved;
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

static bool read_report(int fd, report *r)
{
    ssize_t got;
    do
        got = read(fd, r, sizeof *r);
    while (got < 0 && errno == EINTR);
    return got == (ssize_t)sizeof *r;
}

rel_batch_entity *rel_batch_worker_collect(rel_batch_entity *list, size_t count)
{
    for (;;) {
        int status;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0 && errno == EINTR)
            continue;
        if (pid < 0)
            return NULL;   /* ECHILD: nothing running */
        for (size_t i = 0; i < count; i++) {
            rel_batch_entity *e = &list[i];
            if (e->pid != pid)
                continue;
            report r;
            bool reported = read_report(e->pipe, &r) && WIFEXITED(status);
            close(e->pipe);
            *e = (rel_batch_entity){.name = e->name, .pipe = -1, .started = e->started,
                                    .done = true, .seconds = now_seconds() - e->started};
            if (!reported) {
                e->crashed = true;   /* a signal, or no word: this entity's outcome only */
                e->status = REL_EXIT_SOFTWARE;
                return e;
            }
            e->status = r.status;
            e->result = r.result;
            e->errors = r.errors;
            e->warnings = r.warnings;
            e->seconds = r.seconds;
            return e;
        }
    }
}
