#include "reconcile/reconcile.h"

#include "compute/balance.h"
#include "reconcile/checks.h"

void rel_reconcile(const rel_model *model, const rel_indicators *indicators, rel_arena *arena,
                   rel_diags *diags, rel_findings *findings)
{
    rel_check_declared_totals(model, diags, findings);
    rel_check_changes(model, diags, findings);
    rel_check_unrecomputed_ratios(model, diags);
    rel_check_staff(model, findings);
    rel_check_identities(model, findings);
    rel_check_rules(model, arena, findings);
    rel_check_user_identities(model, indicators, diags, findings);
    rel_balance_reconcile(model, findings);
    rel_findings_link_causes(findings);
}
