#include "validate/schema.h"

#include <string.h>

/* Column shorthands: C(name, type, flags, example). */
#define C(n, t, f, e) {n, REL_TYPE_##t, f, e, NULL}
#define REQ REL_COL_REQUIRED
#define NE (REL_COL_REQUIRED | REL_COL_NOT_EMPTY)
#define KEY REL_COL_KEY
#define LABEL REL_COL_LABEL
#define GROUP (REL_COL_KEY | REL_COL_GROUP)
#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))
#define SCHEMA(n, title, required, cols, years, ytype, yexample) \
    {n, n ".csv", title, required, cols, COUNT_OF(cols), REL_TYPE_##ytype, years, yexample}

static const rel_column_schema schede_columns[] = {
    C("area", TEXT, NE | GROUP, "Area Disabilità"),
    C("azione", TEXT, GROUP, "Azione 1: Servizio Inserimento Lavorativo"),
    C("voce", TEXT, NE | KEY | LABEL, "Referente servizio"),
    C("descrizione", TEXT, KEY, "Costo del personale"),
    C("preventivo", MONEY, REQ, "€ 26.734,15"),
    C("consuntivo", MONEY, REQ, "€ 28.734,97"),
    C("motivazione", TEXT, 0, ""),
};

static const rel_column_schema centri_columns[] = {
    C("centro", TEXT, NE | KEY | LABEL, "Area Disabilità"),
    C("area", TEXT, 0, "Area Disabilità"),
    C("preventivo", MONEY, REQ, "€ 26.734,15"),
    C("consuntivo", MONEY, REQ, "€ 28.734,97"),
};

static const rel_column_schema fondi_columns[] = {
    C("gruppo", TEXT, NE | GROUP, "Fondi istituzionali"),
    C("fondo", TEXT, NE | KEY | LABEL, "Fondo Nazionale Politiche Sociali"),
    C("atto", TEXT, 0, "DGR XI/5124 del 02/08/2021"),
};

static const rel_column_schema entrate_columns[] = {
    C("canale", TEXT, NE | KEY | LABEL, "Trasferimenti dai Comuni soci"),
};

static const rel_column_schema costi_columns[] = {
    C("natura", TEXT, NE | KEY | LABEL, "Costo del personale"),
};

static const rel_column_schema avanzo_columns[] = {
    C("voce", TEXT, NE | KEY | LABEL, "Fondo Povertà"),
    C("vincolato", MONEY, REQ, "€ 1.265,03"),
    C("finalizzato", MONEY, REQ, "€ -"),
    C("non_vincolato", MONEY, REQ, "€ -"),
};

/* Staff at 31/12 as reports publish it: by contract and by hours, two
 * breakdowns of the same people, each optional (at least one is needed:
 * validate/staff.c), with the cross split and the FTE if the report has them. */
static const rel_column_schema personale_columns[] = {
    C("ruolo", TEXT, NE | KEY | LABEL, "Assistente sociale"),
    C("indeterminato", COUNT, 0, "8"),
    C("determinato", COUNT, 0, "1"),
    C("collaboratori", COUNT, 0, "0"),
    C("comando", COUNT, 0, "0"),
    C("tempo_pieno", COUNT, 0, "7"),
    C("part_time", COUNT, 0, "2"),
    C("indeterminato_tempo_pieno", COUNT, 0, "6"),
    C("indeterminato_part_time", COUNT, 0, "2"),
    C("determinato_tempo_pieno", COUNT, 0, "1"),
    C("determinato_part_time", COUNT, 0, "0"),
    C("totale", COUNT, 0, "9"),
    C("fte", DECIMAL, 0, "8,5"),
};

static const rel_column_schema indicatori_columns[] = {
    C("indicatore", TEXT, NE | KEY | LABEL, "Spesa sociale pro-capite"),
    C("unita", TEXT, 0, "€"),
    C("nota", TEXT, 0, "valore complessivo spesa sociale / n. abitanti"),
};

static const rel_column_schema obiettivi_columns[] = {
    C("area", TEXT, NE | GROUP | REL_COL_CARRIED, "Area Minori e Famiglia"),
    C("obiettivo", TEXT, NE | KEY | LABEL | REL_COL_CARRIED,
      "Attivare due gruppi di sostegno alla genitorialità"),
    C("indicatore", TEXT, KEY, "Gruppi attivati"),
    C("target", TEXT, 0, "Almeno 2/anno"),
    {"esito", REL_TYPE_OUTCOME, NE, "PARZIALMENTE", NULL},
    C("note", TEXT, 0, "Un gruppo avviato a novembre"),
};

#define DATE_FLAGS (REL_COL_MONTH | REL_COL_WORDS)
static const rel_column_schema progetti_columns[] = {
    C("titolo", TEXT, NE | KEY | LABEL, "Lavoro di comunità"),
    C("capofila", TEXT, 0, "Azienda Speciale Consortile"),
    C("finanziatore", TEXT, 0, "Fondazione Cariplo"),
    C("importo_totale", MONEY, REQ | REL_COL_WORDS_AMOUNT, "€ 180.000,00"),
    C("importo_finanziato", MONEY, REQ | REL_COL_WORDS_AMOUNT, "€ 120.000,00"),
    C("assegnato_ambito", MONEY, REL_COL_WORDS_AMOUNT, "€ 120.000,00"),
    C("quota_azienda", MONEY, REL_COL_WORDS_AMOUNT, "€ 60.000,00"),
    C("cofinanziamento_azienda", MONEY, REL_COL_WORDS_AMOUNT, "€ 15.000,00"),
    C("data_presentazione", DATE, DATE_FLAGS, "mag-20"),
    C("data_avvio", DATE, DATE_FLAGS, "lug.2020"),
    C("data_fine", DATE, DATE_FLAGS, "in continuità"),
};

/* The reclassified balance sheet (financial criterion), as printed in the
 * "Principali dati patrimoniali" of art. 2428 reports. The declared
 * subtotals are accepted so that reconciliation can check them. */
const char *const rel_balance_sheet_codes[] = {
    "immobilizzazioni_immateriali", "immobilizzazioni_materiali",
    "immobilizzazioni_finanziarie", "rimanenze", "crediti_clienti", "altri_crediti",
    "ratei_risconti_attivi", "debiti_fornitori", "acconti", "debiti_tributari_previdenziali",
    "altri_debiti", "ratei_risconti_passivi", "tfr", "debiti_tributari_previdenziali_oltre",
    "altre_passivita_medio_lungo", "patrimonio_netto", "debiti_finanziari_lungo",
    "debiti_finanziari_breve", "disponibilita_liquide", "altre_attivita_finanziarie_correnti",
    "crediti_finanziari_correnti", "debiti_bancari_correnti",
    "altre_passivita_finanziarie_correnti", "debiti_leasing_correnti", "obbligazioni",
    "debiti_bancari_non_correnti", "altre_passivita_finanziarie_non_correnti",
    "debiti_leasing_non_correnti",
    /* declared subtotals */
    "capitale_immobilizzato", "attivita_breve", "passivita_breve", "capitale_esercizio_netto",
    "passivita_medio_lungo", "capitale_investito", "mezzi_propri_indebitamento",
    "indebitamento_finanziario_corrente", "indebitamento_finanziario_non_corrente",
    "posizione_finanziaria_netta", "margine_tesoreria", "debiti_finanziari_breve_netti", NULL,
};

static const rel_column_schema bilancio_columns[] = {
    {"codice", REL_TYPE_CODE, NE | KEY, "disponibilita_liquide", rel_balance_sheet_codes},
    C("voce", TEXT, LABEL, "Disponibilità liquide"),
};

/* Balance-sheet ratios as the report prints them, to be recomputed. */
static const char *const indici_codes[] = {
    "liquidita_primaria", "liquidita_secondaria", "indebitamento",
    "tasso_copertura_immobilizzi", "indice_indebitamento_previdenziale_tributario", NULL,
};

static const rel_column_schema indici_columns[] = {
    {"codice", REL_TYPE_CODE, NE | KEY, "liquidita_primaria", indici_codes},
    C("indice", TEXT, LABEL, "Liquidità primaria"),
};

/* The result of a consortium as its reports print it: A entrate, B avanzo
 * dell'esercizio precedente applicato, C uscite, A + B - C the avanzo. */
static const char *const risultato_codes[] = {
    "entrate", "avanzo_applicato", "uscite", "avanzo", NULL,
};

static const rel_column_schema risultato_columns[] = {
    {"codice", REL_TYPE_CODE, NE | KEY, "entrate", risultato_codes},
    C("voce", TEXT, LABEL, "Entrate dell'esercizio (A)"),
};

static const rel_column_schema produzione_columns[] = {
    C("voce", TEXT, NE | KEY | LABEL, "Valore della produzione"),
};

static const rel_column_schema organi_columns[] = {
    C("organo", TEXT, NE | KEY, "Consiglio di Amministrazione"),
    C("componente", TEXT, NE | KEY | LABEL, "Maria Teresa Bonfanti"),
    C("ruolo", TEXT, 0, "Presidente"),
};

static const rel_column_schema sedute_columns[] = {
    C("organo", TEXT, NE | KEY, "Consiglio di Amministrazione"),
    C("data", DATE, NE | KEY | REL_COL_IN_YEAR, "28/01/{anno}"),
    C("argomenti", TEXT, 0, "Approvazione del piano programma"),
};

static const rel_column_schema riepilogo_columns[] = {
    C("area", TEXT, NE | KEY | LABEL, "Area Minori e Famiglia"),
    C("obiettivi", COUNT, REQ, "1"),
    C("raggiunti", PERCENT, REQ | REL_COL_NOT_SUMMED, "0%"),
    C("non_raggiunti", PERCENT, REQ | REL_COL_NOT_SUMMED, "0%"),
    C("in_corso", PERCENT, REQ | REL_COL_NOT_SUMMED, "100%"),
};

/* Indicators the user defines with a formula (docs/FORMULAS.md). */
static const rel_column_schema calcolati_columns[] = {
    C("nome", TEXT, NE | KEY, "spesa_pro_capite"),
    C("descrizione", TEXT, LABEL, "Spesa sociale pro-capite"),
    C("formula", TEXT, NE, "costi[N] / 98231"),
    C("unita", TEXT, 0, "€"),
    C("decimali", COUNT, 0, "2"),
};

/* Identities the user declares between two expressions. */
static const rel_column_schema verifiche_columns[] = {
    C("descrizione", TEXT, NE | KEY | LABEL, "Uscite delle schede uguali ai costi per natura"),
    C("sinistra", TEXT, NE, "SOMMA(schede[consuntivo])"),
    C("destra", TEXT, NE, "costi[N]"),
    C("tolleranza", DECIMAL, 0, "0"),
};

/* Statutory items that do not apply to the entity, with the reason the
 * report states (the codes are those of the templates' {% obbligo %}). */
static const rel_column_schema non_applicabile_columns[] = {
    C("voce", TEXT, NE | KEY | LABEL, "art2428_c3_n1"),
    C("motivo", TEXT, NE, "l'ente non svolge attività di ricerca e sviluppo"),
};

static const rel_schema schede = SCHEMA("schede", "Schede preventivo/consuntivo", false,
                                        schede_columns, 0, TEXT, NULL);
static const rel_schema centri = SCHEMA("centri_di_costo", "Riepilogo per centri di costo", false,
                                        centri_columns, 0, TEXT, NULL);
static const rel_schema fondi = SCHEMA("fondi", "Fondi istituzionali e di ambito", false,
                                       fondi_columns, 2, MONEY, "€ 10.000,00");
static const rel_schema entrate = SCHEMA("entrate", "Composizione delle entrate", false,
                                         entrate_columns, 1, MONEY, "€ 30.000,00");
static const rel_schema costi = SCHEMA("costi", "Costi per natura", false, costi_columns, 1,
                                       MONEY, "€ 28.734,97");
static const rel_schema avanzo = SCHEMA("avanzo", "Composizione dell'avanzo", false,
                                        avanzo_columns, 0, TEXT, NULL);
static const rel_schema personale = SCHEMA("personale", "Personale al 31/12", false,
                                           personale_columns, 0, TEXT, NULL);
static const rel_schema indicatori = SCHEMA("indicatori", "Indicatori", false,
                                            indicatori_columns, 1, DECIMAL, "1,00");
static const rel_schema obiettivi = SCHEMA("obiettivi", "Obiettivi", false, obiettivi_columns,
                                           0, TEXT, NULL);
static const rel_schema progetti = SCHEMA("progetti", "Area progettazione", false,
                                          progetti_columns, 0, TEXT, NULL);
static const rel_schema bilancio = SCHEMA("stato_patrimoniale", "Stato patrimoniale riclassificato",
                                          false, bilancio_columns, 2, MONEY, "1.000");
static const rel_schema indici = SCHEMA("indici", "Indici di bilancio", false, indici_columns,
                                        2, DECIMAL, "1,00");
static const rel_schema risultato = SCHEMA("risultato", "Risultato dell'esercizio", false,
                                           risultato_columns, 1, MONEY, "€ 2.400.000,00");
static const rel_schema produzione = SCHEMA("valore_produzione", "Valore della produzione",
                                            false, produzione_columns, 1, MONEY, "€ 30.000,00");
static const rel_schema riepilogo = SCHEMA("riepilogo_obiettivi", "Riepilogo degli obiettivi",
                                           false, riepilogo_columns, 0, TEXT, NULL);
static const rel_schema calcolati = SCHEMA("indicatori_calcolati", "Indicatori calcolati", false,
                                           calcolati_columns, 0, TEXT, NULL);
static const rel_schema verifiche = SCHEMA("verifiche", "Verifiche dichiarate", false,
                                           verifiche_columns, 0, TEXT, NULL);
static const rel_schema non_applicabile = SCHEMA("non_applicabile", "Voci non applicabili",
                                                 false, non_applicabile_columns, 0, TEXT, NULL);
static const rel_schema organi = SCHEMA("organi", "Composizione degli organi", false,
                                        organi_columns, 0, TEXT, NULL);
static const rel_schema sedute = SCHEMA("sedute", "Sedute degli organi", false, sedute_columns,
                                        0, TEXT, NULL);

const rel_schema *const rel_schemas[] = {
    &schede, &centri, &fondi, &entrate, &costi, &avanzo, &personale, &indicatori,
    &obiettivi, &riepilogo, &progetti, &bilancio, &indici, &produzione, &risultato, &organi,
    &sedute,
    &calcolati, &verifiche, &non_applicabile,
};
const size_t rel_schema_count = COUNT_OF(rel_schemas);

const rel_schema *rel_schema_find(const char *name)
{
    for (size_t i = 0; i < rel_schema_count; i++)
        if (strcmp(rel_schemas[i]->name, name) == 0)
            return rel_schemas[i];
    return NULL;
}
