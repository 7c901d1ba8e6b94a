/* The narratives of a new skeleton, and its guide. */
#include <string.h>

#include "core/codes.h"
#include "pipeline/init_texts.h"
#include "pipeline/load_model.h"
#include "template/template.h"
#include "validate/schema.h"

static const char *const default_templates[] = {"gestione.tpl", "consuntivo.tpl"};

/* True when the sample's non_applicabile.csv declares `item`. */
static bool declared_not_applicable(const rel_model *model, const char *item)
{
    const rel_dataset *d = rel_model_dataset(model, "non_applicabile");
    int voce = d ? rel_dataset_column(d, "voce") : -1;
    for (size_t r = 0; item && voce >= 0 && r < d->row_count; r++)
        if (strcmp(rel_row_text(&d->rows[r], voce), item) == 0)
            return true;
    return false;
}

/* One paragraph: the marker, what to write, how. */
static void write_stub(rel_init_ctx *s, const rel_template_text *text)
{
    const char *name = rel_arena_printf(s->arena, "%s/%s.md", REL_DIR_TEXTS, text->name);
    FILE *file = name ? rel_init_create(s, name) : NULL;
    if (file == NULL)
        return;
    fprintf(file, "*%s* Scrivere qui%s%s.\n"
                  "Sostituire questo paragrafo, segnaposto compreso, con il testo dell'ente: "
                  "finché resta, «relazione check» lo segnala e la relazione definitiva non si "
                  "compila (una bozza sì, con --bozza). Paragrafi separati da una riga vuota; "
                  "elenchi con «- » o «1. »; **grassetto** e *corsivo*.",
            REL_MARKER, text->item ? ": " : " ", text->purpose);
    if (text->item && !rel_template_mandatory(text->item, true))
        fprintf(file, " Se la voce non si applica all'ente, cancellare questo file e scrivere "
                      "in non_applicabile.csv la riga «%s;motivo», con il motivo (stampato "
                      "nella relazione).", text->item);
    fputc('\n', file);
    rel_init_finish(s, file, name);
}

/* The guide: what to do, then every file and what it holds. */
static void write_guide(rel_init_ctx *s, const rel_template_text *texts, size_t count)
{
    FILE *file = rel_init_create(s, "LEGGIMI.txt");
    if (file == NULL)
        return;
    fprintf(file,
            "Cartella creata da «relazione init» per l'esercizio %d.\n\n"
            "Ogni file contiene un esempio da sostituire con i dati dell'ente; le cifre\n"
            "d'esempio quadrano tra loro, e ogni testo o riga d'esempio contiene il\n"
            "segnaposto [DA COMPILARE]. Finché ne resta uno, «relazione check CARTELLA» lo\n"
            "segnala con il file e la riga, e «relazione build CARTELLA» non scrive la\n"
            "relazione definitiva; «relazione build CARTELLA --bozza» scrive una bozza che\n"
            "mostra dove manca ancora qualcosa.\n\n"
            "1. metadati.ini: i dati dell'ente e le opzioni (ogni chiave ha il suo commento;\n"
            "   «modello» sceglie la relazione sulla gestione o la relazione consuntivo).\n"
            "2. I file .csv: le tabelle, da Excel o LibreOffice come «CSV UTF-8» con «;».\n"
            "   Colonne e regole di ciascuno: docs/INPUT.md. Un file facoltativo che non\n"
            "   serve si cancella; un confronto con l'anno precedente senza dati è omesso.\n"
            "3. testi/: un testo per ogni parte della relazione, al posto del paragrafo\n"
            "   [DA COMPILARE].\n"
            "4. non_applicabile.csv: le voci dell'art. 2428 c.c. che non si applicano\n"
            "   all'ente, ciascuna con il motivo, che la relazione stampa. Analisi della\n"
            "   gestione, principali rischi ed evoluzione prevedibile non si possono omettere.\n\n"
            "Tabelle:\n", s->year);
    for (size_t i = 0; i < rel_schema_count; i++)
        fprintf(file, "  %-26s %s%s\n", rel_schemas[i]->file, rel_schemas[i]->title,
                rel_schemas[i]->required ? " (obbligatorio)" : "");
    fprintf(file, "  %-26s tabelle libere: ciascuna entra nella relazione, con i suoi totali "
                  "verificati\n\nTesti:\n", REL_DIR_TABLES "/*.csv");
    for (size_t i = 0; i < count; i++)
        fprintf(file, "  %s/%s.md: %s\n", REL_DIR_TEXTS, texts[i].name, texts[i].purpose);
    rel_init_finish(s, file, "LEGGIMI.txt");
}

/* The narratives both default templates ask for, once each. */
static size_t wanted_texts(rel_init_ctx *s, const rel_model *model, rel_template_text *all,
                           size_t max)
{
    size_t total = 0;
    for (size_t t = 0; t < sizeof default_templates / sizeof default_templates[0]; t++) {
        const char *path = rel_arena_printf(s->arena, "%s/%s", s->template_dir,
                                            default_templates[t]);
        rel_template_text *texts;
        size_t count;
        if (path == NULL || !rel_template_texts(path, model, s->arena, s->diags, &texts, &count)) {
            rel_init_failed(s, REL_T_MISSING, path, "modelli predefiniti non leggibili");
            return 0;
        }
        for (size_t i = 0; i < count; i++) {
            bool seen = false;
            for (size_t j = 0; j < total && !seen; j++)
                seen = strcmp(all[j].name, texts[i].name) == 0;
            if (!seen && total < max && !declared_not_applicable(model, texts[i].item))
                all[total++] = texts[i];
        }
    }
    return total;
}

void rel_init_texts(rel_init_ctx *s)
{
    rel_model model;
    rel_diags loading;       /* the sample's own warnings are not news for the user */
    rel_diags_init(&loading, s->arena);
    bool loaded = rel_model_load(s->dir, s->arena, &loading, &model);
    for (size_t i = 0; i < loading.count; i++)
        if (loading.items[i].severity == REL_SEV_ERROR)
            rel_diag_add(s->diags, REL_SEV_ERROR, loading.items[i].code, loading.items[i].where,
                         "%s", loading.items[i].message);
    rel_diags_free(&loading);
    if (!loaded) {
        rel_init_failed(s, REL_E_FILE_READ, s->dir, "gli esempi dello scheletro non si leggono: "
                        "installazione incompleta");
        return;
    }
    rel_template_text all[256];
    size_t count = wanted_texts(s, &model, all, 256);
    for (size_t i = 0; i < count && s->ok; i++)
        write_stub(s, &all[i]);
    if (s->ok)
        write_guide(s, all, count);
}
