#include "load/source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/codes.h"
#include "core/syserr.h"
#include "core/number.h"

static bool read_error(rel_diags *diags, const char *path, const char *why)
{
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_FILE_READ, (rel_origin){path, 0, 0},
                 "impossibile leggere il file: %s", why);
    return false;
}

bool rel_source_read(const char *fs_path, const char *display_path, size_t max_bytes,
                     rel_arena *arena, rel_diags *diags, rel_text *text)
{
    FILE *file = fopen(fs_path, "rb");
    if (file == NULL)
        return read_error(diags, display_path, rel_syserr(errno));
    struct stat info;
    if (fstat(fileno(file), &info) != 0 || !S_ISREG(info.st_mode)) {
        fclose(file);
        return read_error(diags, display_path, "non è un file regolare");
    }
    if ((unsigned long long)info.st_size > max_bytes) {
        fclose(file);
        char size[REL_NUMBER_FORMAT_MAX];
        int64_t tenths = (int64_t)((info.st_size * 10 + 1024 * 1024 - 1) / (1024 * 1024));
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_FILE_TOO_LARGE, (rel_origin){display_path, 0, 0},
                     "il file è di %s MiB, oltre il limite di %zu MiB: controllare che sia il "
                     "file giusto", rel_number_format(tenths, 1, 1, 0, size),
                     max_bytes / (1024 * 1024));
        return false;
    }

    size_t size = (size_t)info.st_size;
    char *bytes = malloc(size + 1);
    if (bytes == NULL) {
        fclose(file);
        return read_error(diags, display_path, "memoria esaurita");
    }
    size_t got = fread(bytes, 1, size, file);
    bool failed = ferror(file) || got != size;
    fclose(file);
    if (failed) {
        free(bytes);
        return read_error(diags, display_path, "errore di lettura");
    }
    bool ok = rel_encoding_decode(bytes, size, display_path, arena, diags, text);
    free(bytes);
    return ok;
}
