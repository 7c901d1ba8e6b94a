/* Replays saved fuzz inputs through one harness, without libFuzzer.
 *
 * Linked with one tests/fuzz/fuzz_<name>.c by the ordinary compiler (ctest
 * runs it, under ASan + UBSan in `make test-asan`):
 *
 *     fuzz_replay_csv tests/fuzz/corpus/csv tests/fuzz/regressions/csv
 *
 * feeds every regular file of each directory (a missing directory counts as
 * empty; names starting with "." are skipped), in name order, to
 * LLVMFuzzerTestOneInput, each in a child process: a harness aborts on a
 * failed property and the sanitizers end the process on a memory error or
 * undefined behaviour, so every failing input is named, not only the first.
 * Ends with "N passed, M failed" and exits 1 if any failed. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"

#pragma weak LLVMFuzzerInitialize

/* Reads the whole file at `path` into an exact-size buffer (so ASan sees a
 * read one byte past the input); NULL after a message if it cannot. */
static uint8_t *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return NULL;
    }
    uint8_t *data = NULL;
    bool ok = fseek(f, 0, SEEK_END) == 0;
    long length = ok ? ftell(f) : -1;
    ok = length >= 0 && fseek(f, 0, SEEK_SET) == 0;
    if (ok) {
        data = malloc(length > 0 ? (size_t)length : 1);
        ok = data != NULL && fread(data, 1, (size_t)length, f) == (size_t)length;
    }
    fclose(f);
    if (!ok) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(data);
        return NULL;
    }
    *size = (size_t)length;
    return data;
}

/* Runs one input in a child process; true if it exited with status 0. */
static bool replay_one(const char *path)
{
    size_t size = 0;
    uint8_t *data = read_all(path, &size);
    if (data == NULL)
        return false;
    if (getenv("REL_FUZZ_VERBOSE") != NULL)
        fprintf(stderr, "replay %s (%zu bytes)\n", path, size);
    fflush(NULL);
    pid_t child = fork();
    if (child == 0) {
        LLVMFuzzerTestOneInput(data, size);
        free(data);
        exit(0);   /* not _exit: LeakSanitizer checks at exit */
    }
    free(data);
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) != child) {
        fprintf(stderr, "%s: cannot run: %s\n", path, strerror(errno));
        return false;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;
    if (WIFSIGNALED(status))
        fprintf(stderr, "FAILED %s: killed by signal %d\n", path, WTERMSIG(status));
    else
        fprintf(stderr, "FAILED %s: exit status %d\n", path, WEXITSTATUS(status));
    return false;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Replays every regular file of `dir`, adding to *passed and *failed. */
static void replay_dir(const char *dir, long *passed, long *failed)
{
    struct dirent **entries;
    int n = scandir(dir, &entries, NULL, by_name);
    if (n < 0) {
        if (errno != ENOENT) {
            fprintf(stderr, "%s: %s\n", dir, strerror(errno));
            (*failed)++;
        }
        printf("%s: no inputs\n", dir);
        return;
    }
    long before_passed = *passed, before_failed = *failed;
    for (int i = 0; i < n; i++) {
        char path[4096];
        struct stat info;
        snprintf(path, sizeof path, "%s/%s", dir, entries[i]->d_name);
        if (entries[i]->d_name[0] != '.' && stat(path, &info) == 0 && S_ISREG(info.st_mode)) {
            if (replay_one(path))
                (*passed)++;
            else
                (*failed)++;
        }
        free(entries[i]);
    }
    free(entries);
    printf("%s: %ld inputs replayed, %ld failed\n", dir,
           *passed - before_passed + *failed - before_failed, *failed - before_failed);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR...\n", argv[0]);
        return 64;
    }
    if (LLVMFuzzerInitialize != NULL)
        LLVMFuzzerInitialize(&argc, &argv);
    long passed = 0, failed = 0;
    for (int i = 1; i < argc; i++)
        replay_dir(argv[i], &passed, &failed);
    printf("%ld passed, %ld failed\n", passed, failed);
    return failed ? 1 : 0;
}
