/*
 * main.c - the relazione command line. Parses arguments, calls the library
 * (pipeline/build.h), prints its diagnostics on stderr, exits with its
 * status. Nothing else happens here.
 */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "pipeline/build.h"

static const char usage_text[] =
    "Uso: relazione build CARTELLA [-o USCITA]   compila la relazione (PDF) e gli allegati (XLSX)\n"
    "     relazione check CARTELLA               verifica i dati senza scrivere nulla\n"
    "     relazione --help | --version\n"
    "\n"
    "CARTELLA contiene metadati.ini, schede.csv e testi/ (vedi docs/INPUT.md).\n"
    "USCITA è la cartella dei risultati (predefinita: output); viene creata se manca.\n"
    "\n"
    "Codici di uscita: 0 fatto; 1 dati che non quadrano; 64 uso errato;\n"
    "65 dati non validi; 66 input mancante o illeggibile; 70 errore interno;\n"
    "73 cartella di output non creabile; 74 errore di scrittura.\n";

typedef struct cli_args {
    const char *command;
    const char *input;
    const char *output;
} cli_args;

static int usage_error(const char *message)
{
    fprintf(stderr, "relazione: errore: %s\n\n%s", message, usage_text);
    return REL_EXIT_USAGE;
}

/* Returns -1 when the arguments are valid, an exit status otherwise. */
static int parse_args(int argc, char **argv, cli_args *args)
{
    *args = (cli_args){NULL, NULL, "output"};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(usage_text, stdout);
            return REL_EXIT_OK;
        }
        if (strcmp(arg, "--version") == 0) {
            puts("relazione " REL_VERSION);
            return REL_EXIT_OK;
        }
        if (strcmp(arg, "-o") == 0 || strcmp(arg, "--output") == 0) {
            if (++i == argc)
                return usage_error("manca la cartella dopo -o");
            args->output = argv[i];
        } else if (arg[0] == '-') {
            fprintf(stderr, "relazione: errore: opzione sconosciuta «%s»\n\n%s", arg, usage_text);
            return REL_EXIT_USAGE;
        } else if (args->command == NULL) {
            args->command = arg;
        } else if (args->input == NULL) {
            args->input = arg;
        } else {
            return usage_error("troppi argomenti");
        }
    }
    if (args->command == NULL)
        return usage_error("manca il comando (build o check)");
    if (strcmp(args->command, "build") != 0 && strcmp(args->command, "check") != 0)
        return usage_error("comando sconosciuto: usare build o check");
    if (args->input == NULL)
        return usage_error("manca la cartella di input");
    return -1;
}

int main(int argc, char **argv)
{
    cli_args args;
    int early = parse_args(argc, argv, &args);
    if (early >= 0)
        return early;

    rel_arena arena;
    rel_arena_init(&arena);
    rel_diags diags;
    rel_diags_init(&diags, &arena);

    rel_exit status = strcmp(args.command, "build") == 0
                          ? rel_build(args.input, args.output, &arena, &diags)
                          : rel_check(args.input, &arena, &diags);
    rel_diags_sort(&diags);
    if (!rel_diags_write_text(&diags, stderr) && status == REL_EXIT_OK)
        status = REL_EXIT_IOERR;
    if (status == REL_EXIT_OK && strcmp(args.command, "build") == 0)
        fprintf(stderr, "relazione: scritti %s/%s e %s/%s\n", args.output, REL_OUTPUT_PDF,
                args.output, REL_OUTPUT_XLSX);

    rel_diags_free(&diags);
    rel_arena_free(&arena);
    return (int)status;
}
