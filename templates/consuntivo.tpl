{% indice %}
# Premessa
{% testo premessa %}
{% firme %}

# Fondi istituzionali e di ambito
{% se dati fondi %}
I fondi assegnati nell'esercizio {{ esercizio.anno }} sono riportati per gruppo, con il confronto sull'esercizio {{ esercizio.precedente }} e l'atto di assegnazione.
{% tabella fondi variazione %}
{% grafico fondi tipo=gruppi titolo="Fondi per esercizio" %}
{% altrimenti %}
Nell'esercizio non sono stati assegnati fondi istituzionali o di ambito.
{% fine %}

# Quadro istituzionale
{% se dati organi %}
{% tabella organi %}
{% fine %}
{% se dati sedute %}
Gli organi si sono riuniti nelle date seguenti.
{% tabella sedute %}
{% fine %}

# Quadro operativo e personale
{% testo ambiente_personale %}
{% se dati personale %}
{% tabella personale titolo="Personale in servizio al 31/12" %}
{% grafico personale tipo=pile titolo="Personale per contratto" %}
{% fine %}

# Analisi della gestione
{% testo andamento_gestione %}

## Entrate
{% se dati entrate %}
Le entrate ammontano a {{ entrate[N] | euro }}.
{% tabella entrate variazione %}
{% grafico entrate tipo=torta titolo="Entrate per canale di finanziamento" %}
{% fine %}

## Uscite
Le uscite ammontano a {{ schede[consuntivo] | euro }}, contro {{ schede[preventivo] | euro }} previsti ({{ schede[consuntivo] - schede[preventivo] | var_euro }}).
{% se dati costi %}
{% tabella costi variazione %}
{% grafico costi tipo=gruppi titolo="Costi per natura" %}
{% fine %}

## Avanzo
{% se dati avanzo %}
L'avanzo dell'esercizio è di {{ avanzo[vincolato] + avanzo[finalizzato] + avanzo[non_vincolato] | euro }}.
{% tabella avanzo %}
{% se dati risultato %}
{% tabella risultato %}
{% fine %}
{% fine %}

# Indicatori
{% se dati indicatori %}
{% tabella indicatori variazione %}
{% fine %}
{% se dati indicatori_calcolati %}
{% tabella indicatori_valori %}
{% fine %}

# Dati e indicatori per servizio
{% per t in tabelle %}
{% tabella t %}
{% grafico t tipo=gruppi %}
{% fine %}

# Schede preventivo/consuntivo
{% tabella scostamenti %}
{% grafico schede tipo=gruppi colonne=preventivo,consuntivo per=area titolo="Preventivo e consuntivo per area" %}
{% per area in schede.area %}

## {{ area }}
{% testo area %}
{% tabella schede area=area %}
{% fine %}
{% se dati centri_di_costo %}

## Riepilogo per centri di costo
{% tabella centri_di_costo %}
{% fine %}

# Obiettivi
{% se dati obiettivi %}
{% tabella obiettivi %}
{% tabella obiettivi_riepilogo %}
{% fine %}

# Area progettazione
{% se dati progetti %}
{% tabella progetti colonne=titolo,capofila,finanziatore,importo_totale,importo_finanziato,cofinanziamento_azienda %}
{% tabella progetti colonne=titolo,data_presentazione,data_avvio,data_fine titolo="Progetti: tempi" %}
{% fine %}

# Evoluzione prevedibile
{% testo evoluzione %}
{% prospetto_verifiche %}
