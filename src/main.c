/*
 * main.c - the relazione command line. Parses arguments, calls the library
 * (pipeline/build.h), prints its diagnostics (text on stderr, or JSON on
 * stdout with --format json), exits with its status. Nothing else happens
 * here.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unistd.h>

#include "batch/batch.h"
#include "core/arena.h"
#include "core/diag.h"
#include "core/diag_json.h"
#include "pipeline/build.h"
#include "pipeline/init.h"

static const char usage_text[] =
    "Uso: relazione build CARTELLA [-o USCITA] [--bozza]  compila la relazione (PDF) e gli\n"
    "                                                     allegati (XLSX)\n"
    "     relazione check CARTELLA       verifica dati e quadrature senza scrivere nulla\n"
    "     relazione init CARTELLA [--anno AAAA]  crea una cartella di input da compilare\n"
    "     relazione batch RADICE -o USCITA [-j N] [--shard I/N]  un ente per sottocartella\n"
    "     relazione --help | --version\n"
    "\n"
    "CARTELLA contiene metadati.ini, schede.csv, gli altri CSV e testi/ (docs/INPUT.md).\n"
    "USCITA è la cartella dei risultati (predefinita: output); viene creata se manca.\n"
    "--bozza compila anche se le cifre non quadrano e stampa BOZZA su ogni pagina.\n"
    "--format json scrive errori e avvisi su stdout come un oggetto JSON, per altri\n"
    "programmi; con --format text (predefinito) sono righe leggibili su stderr.\n"
    "\n"
    "Codici di uscita: 0 fatto; 1 dati che non quadrano; 64 uso errato;\n"
    "65 dati non validi; 66 input mancante o illeggibile; 70 errore interno;\n"
    "73 cartella di output non creabile; 74 errore di scrittura.\n";

typedef struct cli_args {
    const char *command;
    const char *input;
    const char *output;
    bool draft;
    int year;          /* init: the fiscal year of the skeleton */
    bool json;         /* --format json: diagnostics as JSON on stdout */
    int jobs;          /* batch: worker processes */
    int shard, shards; /* batch: --shard I/N */
} cli_args;

/* The skeleton of `init` is for the year just closed. */
static int default_year(void)
{
    time_t now = time(NULL);
    struct tm today;
    return gmtime_r(&now, &today) ? today.tm_year + 1900 - 1 : 2024;
}

static bool parse_year(const char *text, int *year)
{
    char *end;
    long value = strtol(text, &end, 10);
    /* N-1 and the approval in N+1 must be valid years too (1900-2199) */
    if (*end != '\0' || strlen(text) != 4 || value < 1901 || value > 2198)
        return false;
    *year = (int)value;
    return true;
}

static int usage_error(const char *message)
{
    fprintf(stderr, "relazione: errore: %s\n\n%s", message, usage_text);
    return REL_EXIT_USAGE;
}

/* The value of --format (NULL when missing): -1 when valid, an exit status
 * otherwise. */
static int parse_format(const char *value, cli_args *args)
{
    if (value == NULL)
        return usage_error("manca il formato dopo --format (text o json)");
    if (strcmp(value, "text") != 0 && strcmp(value, "json") != 0) {
        fprintf(stderr, "relazione: errore: formato sconosciuto «%s»: usare text o json\n\n%s",
                value, usage_text);
        return REL_EXIT_USAGE;
    }
    args->json = strcmp(value, "json") == 0;
    return -1;
}

/* Returns -1 when the arguments are valid, an exit status otherwise. */
static int parse_args(int argc, char **argv, cli_args *args)
{
    *args = (cli_args){NULL, NULL, "output", false, default_year(), false, 1, 1, 1};
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
        } else if (strcmp(arg, "--bozza") == 0) {
            args->draft = true;
        } else if (strcmp(arg, "--anno") == 0) {
            if (++i == argc || !parse_year(argv[i], &args->year))
                return usage_error("dopo --anno serve un anno di quattro cifre, dal 1901 al "
                                   "2198");
        } else if (strcmp(arg, "-j") == 0 || strcmp(arg, "--jobs") == 0
                   || (strncmp(arg, "-j", 2) == 0 && arg[2] >= '0' && arg[2] <= '9')) {
            const char *value = arg[2] >= '0' && arg[2] <= '9' ? arg + 2 : ++i < argc ? argv[i] : "";
            char *end;
            long jobs = strtol(value, &end, 10);
            if (jobs < 1 || jobs > 256 || *end != '\0' || end == value)
                return usage_error("dopo -j serve il numero di processi (da 1 a 256)");
            args->jobs = (int)jobs;
        } else if (strcmp(arg, "--shard") == 0) {
            if (++i == argc || !rel_batch_parse_shard(argv[i], &args->shard, &args->shards))
                return usage_error("dopo --shard serve I/N, con 1 <= I <= N (es. 2/8)");
        } else if (strcmp(arg, "--format") == 0 || strncmp(arg, "--format=", 9) == 0) {
            const char *value = arg[8] == '=' ? arg + 9 : ++i < argc ? argv[i] : NULL;
            int status = parse_format(value, args);
            if (status >= 0)
                return status;
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
    if (strcmp(args->command, "build") != 0 && strcmp(args->command, "check") != 0
        && strcmp(args->command, "init") != 0 && strcmp(args->command, "batch") != 0)
        return usage_error("comando sconosciuto: usare build, check, init o batch");
    if (args->input == NULL)
        return usage_error("manca la cartella di input");
    return -1;
}

/* One line on stderr saying what was written, as a compiler would not but
 * an accountant wants to see. */
static void report_success(const cli_args *args, rel_exit status, bool published)
{
    if (strcmp(args->command, "build") == 0 && published) {
        fputs("relazione: scritti ", stderr);
        for (size_t i = 0; rel_build_outputs[i]; i++)
            fprintf(stderr, "%s%s/%s", i == 0 ? "" : rel_build_outputs[i + 1] ? ", " : " e ",
                    args->output, rel_build_outputs[i]);
        fprintf(stderr, "%s\n", status == REL_EXIT_OK ? "" : " (BOZZA)");
    } else if (strcmp(args->command, "init") == 0 && status == REL_EXIT_OK) {
        fprintf(stderr, "relazione: creata la cartella %s per l'esercizio %d: leggere "
                        "LEGGIMI.txt e sostituire gli esempi ([DA COMPILARE]) con i dati "
                        "dell'ente\n", args->input, args->year);
    }
}

/* Text on stderr for people, or one JSON object on stdout for programs. If
 * the JSON cannot be written, the text still reaches stderr. Returns false
 * when the diagnostics did not reach their stream. */
static bool write_diags(const cli_args *args, const rel_diags *diags)
{
    if (!args->json)
        return rel_diags_write_text(diags, stderr);
    if (rel_diags_write_json(diags, stdout))
        return true;
    rel_diags_write_text(diags, stderr);
    return false;
}

static rel_exit run_batch(const cli_args *args, rel_arena *arena, rel_diags *diags)
{
    rel_batch_options options = {
        .root = args->input, .out = args->output, .jobs = args->jobs, .shard = args->shard,
        .shards = args->shards, .progress = args->json ? NULL : stderr,
        .terminal = isatty(fileno(stderr)) != 0,
    };
    return rel_batch_run(&options, arena, diags);
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

    rel_exit status;
    rel_build_result built = {false, 0, 0, 0};
    if (strcmp(args.command, "build") == 0)
        status = rel_build(args.input, args.output, args.draft, &arena, &diags, &built);
    else if (strcmp(args.command, "init") == 0)
        status = rel_init(args.input, args.year, &arena, &diags);
    else if (strcmp(args.command, "batch") == 0)
        status = run_batch(&args, &arena, &diags);
    else
        status = rel_check(args.input, &arena, &diags);
    rel_diags_sort(&diags);
    if (!write_diags(&args, &diags) && status == REL_EXIT_OK)
        status = REL_EXIT_IOERR;
    if (!args.json)
        report_success(&args, status, built.published);

    rel_diags_free(&diags);
    rel_arena_free(&arena);
    return (int)status;
}
