{% indice %}
# Premessa
{% testo premessa %}

# I numeri dell'esercizio
{% cifre_chiave %}
{% se dati schede %}
- Uscite | schede[consuntivo] | euro0 | costi[N-1]
{% fine %}
{% se dati entrate %}
- Entrate | entrate[N] | euro0 | entrate[N-1]
{% fine %}
{% se dati avanzo %}
- Avanzo | avanzo[vincolato] + avanzo[finalizzato] + avanzo[non_vincolato] | euro0
{% fine %}
{% se dati valore_produzione %}
- Valore della produzione | valore_produzione["Valore della produzione"; N] | euro0 | valore_produzione["Valore della produzione"; N-1]
{% fine %}
{% se dati fondi %}
- Fondi assegnati | fondi[N] | euro0 | fondi[N-1]
{% fine %}
{% se dati stato_patrimoniale %}
- Patrimonio netto | stato_patrimoniale["patrimonio_netto"; N] | euro0 | stato_patrimoniale["patrimonio_netto"; N-1]
- Disponibilità liquide | stato_patrimoniale["disponibilita_liquide"; N] | euro0 | stato_patrimoniale["disponibilita_liquide"; N-1]
{% fine %}
{% se dati personale %}
- Personale dipendente al 31/12 | personale[indeterminato] + personale[determinato] | num
{% fine %}
{% fine %}

# Condizioni operative e sviluppo dell'attività
{% sezione attivita %}
{% se dati schede %}
{{ ente.nome }} ({{ ente.forma_giuridica }}) gestisce per conto dei soci i servizi sociali che le sono affidati. Nell'esercizio {{ esercizio.anno }} le uscite sono state pari a {{ schede[consuntivo] | euro }}, a fronte di un preventivo di {{ schede[preventivo] | euro }}: lo scostamento complessivo è di {{ schede[consuntivo] - schede[preventivo] | var_euro }} ({{ SE(schede[preventivo] = 0; 0; (schede[consuntivo] - schede[preventivo]) / schede[preventivo] * 100) | var_perc }}).
{% fine %}
{% testo attivita %}
{% fine %}

# Andamento della gestione
{% obbligo art2428_c1_analisi "analisi della situazione della società e dell'andamento e del risultato della gestione (art. 2428, comma 1)" %}
{% testo andamento_gestione %}
{% fine %}

{% se dati schede %}
## Andamento per area
La tabella che segue confronta, per ogni area e azione, il preventivo approvato con il consuntivo; gli scostamenti oltre le soglie indicate nei metadati sono motivati nelle schede dell'appendice.
{% tabella scostamenti %}
{% grafico schede tipo=gruppi colonne=preventivo,consuntivo per=area titolo="Preventivo e consuntivo per area" %}
{% per area in schede.area %}

### {{ area }}
{% testo area %}
Le uscite dell'area sono state pari a {{ SOMMA.SE(schede[consuntivo]; area; area) | euro }} contro {{ SOMMA.SE(schede[preventivo]; area; area) | euro }} previsti.
{% tabella schede area=area %}
{% fine %}
{% fine %}

## Clima sociale, politico e sindacale
{% testo clima_sociale %}

# Principali dati economici
{% se testo dati_economici %}
{% testo dati_economici %}
{% fine %}
{% se dati valore_produzione %}
{% se testo dati_economici %}
{% altrimenti %}
L'andamento pluriennale del valore della produzione è il seguente.
{% fine %}
{% tabella valore_produzione %}
{% grafico valore_produzione tipo=linee titolo="Valore della produzione" %}
{% fine %}
{% se dati entrate %}

## Composizione delle entrate
Le entrate dell'esercizio ammontano a {{ entrate[N] | euro }}.
Nell'esercizio precedente erano state pari a {{ entrate[N-1] | euro }}.
{% tabella entrate variazione %}
{% grafico entrate tipo=torta titolo="Composizione delle entrate" %}
{% fine %}
{% se dati costi %}

## Costi per natura
{% tabella costi variazione %}
{% grafico costi tipo=gruppi titolo="Costi per natura" %}
{% fine %}
{% se dati avanzo %}

## Risultato dell'esercizio
L'esercizio chiude con un avanzo di {{ avanzo[vincolato] + avanzo[finalizzato] + avanzo[non_vincolato] | euro }}, di cui vincolato {{ avanzo[vincolato] | euro }}, finalizzato {{ avanzo[finalizzato] | euro }} e non vincolato {{ avanzo[non_vincolato] | euro }}.
{% tabella avanzo %}
{% fine %}
{% se dati risultato %}
{% tabella risultato %}
{% fine %}

# Principali dati patrimoniali e finanziari
{% obbligo art2428_c2_indicatori "indicatori di risultato finanziari (art. 2428, comma 2)" %}
{% se testo dati_patrimoniali %}
{% testo dati_patrimoniali %}
{% fine %}
{% se dati stato_patrimoniale %}
{% se testo dati_patrimoniali %}
{% altrimenti %}
Lo stato patrimoniale riclassificato, confrontato con quello dell'esercizio precedente, è il seguente (in euro).
{% fine %}
{% tabella stato_patrimoniale variazione %}
{% fine %}
{% se dati indici %}
{% tabella indici %}
{% fine %}
{% se dati stato_patrimoniale %}
{% altrimenti %}
{% se dati indicatori %}
Gli indicatori di risultato dell'esercizio sono riportati nel capitolo «Indicatori».
{% fine %}
{% fine %}
{% fine %}

# Fondi istituzionali e di ambito
{% se dati fondi %}
{% tabella fondi variazione %}
{% grafico fondi tipo=gruppi titolo="Fondi per esercizio" %}
{% fine %}

# Informazioni attinenti all'ambiente e al personale
{% obbligo art2428_c2_ambiente_personale "informazioni attinenti all'ambiente e al personale (art. 2428, comma 2)" %}
{% testo ambiente_personale %}
{% se dati personale %}
{% tabella personale titolo="Personale in servizio al 31/12" %}
{% grafico personale tipo=pile titolo="Personale per contratto" %}
{% fine %}
{% fine %}

# Indicatori
{% se dati indicatori %}
{% tabella indicatori variazione %}
{% fine %}
{% se dati indicatori_calcolati %}
{% tabella indicatori_valori %}
{% fine %}
{% per t in tabelle %}
{% tabella t %}
{% grafico t tipo=gruppi %}
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

# Quadro istituzionale
{% se dati organi %}
{% tabella organi %}
{% fine %}
{% se dati sedute %}
{% tabella sedute %}
{% fine %}

# Rischi e incertezze
{% obbligo art2428_c1_rischi "principali rischi e incertezze (art. 2428, comma 1)" %}
{% testo rischi %}
{% fine %}

# Altre informazioni (art. 2428, comma 3)

## Attività di ricerca e sviluppo
{% obbligo art2428_c3_n1 "attività di ricerca e sviluppo (art. 2428, comma 3, n. 1)" %}
{% testo ricerca_sviluppo %}
{% fine %}

## Rapporti con imprese controllate, collegate, controllanti
{% obbligo art2428_c3_n2 "rapporti con imprese controllate, collegate, controllanti e sottoposte al controllo di queste (art. 2428, comma 3, n. 2)" %}
{% testo rapporti_gruppo %}
{% fine %}

## Azioni proprie e azioni o quote di società controllanti
{% obbligo art2428_c3_n3_n4 "azioni proprie e di società controllanti possedute, acquistate o alienate (art. 2428, comma 3, nn. 3 e 4)" %}
{% testo azioni_proprie %}
{% fine %}

## Evoluzione prevedibile della gestione
{% obbligo art2428_c3_n6 "evoluzione prevedibile della gestione (art. 2428, comma 3, n. 6)" %}
{% testo evoluzione %}
{% fine %}

## Strumenti finanziari
{% obbligo art2428_c3_n6bis "uso di strumenti finanziari: obiettivi e politiche di gestione del rischio (art. 2428, comma 3, n. 6-bis)" %}
{% testo strumenti_finanziari %}
{% fine %}

## Sedi secondarie
{% obbligo art2428_c4 "elenco delle sedi secondarie (art. 2428, comma 4)" %}
{% testo sedi_secondarie %}
{% fine %}
{% se cooperativa %}

## Criteri seguiti per il conseguimento dello scopo mutualistico
{% obbligo art2545 "criteri seguiti nella gestione sociale per il conseguimento dello scopo mutualistico (art. 2545 c.c.)" %}
{% testo scopo_mutualistico %}
{% fine %}

## Ammissione di nuovi soci
{% obbligo art2528 "ragioni delle determinazioni assunte sull'ammissione di nuovi soci (art. 2528, ultimo comma, c.c.)" %}
{% testo ammissione_soci %}
{% fine %}
{% fine %}

## Fatti di rilievo avvenuti dopo la chiusura dell'esercizio
{% testo fatti_successivi %}

# Proposta all'Assemblea
{% testo proposta %}
{% firme %}
{% prospetto_verifiche %}
