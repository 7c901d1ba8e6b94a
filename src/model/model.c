#include "model/model.h"

static bool string_ok(const rel_string *value)
{
    return value->text != NULL;
}

bool rel_model_check(const rel_model *model)
{
    const rel_entity *entity = &model->entity;
    if (!string_ok(&entity->name) || !string_ok(&entity->legal_form) || entity->year <= 0)
        return false;
    for (size_t i = 0; i < model->schedule.count; i++) {
        const rel_schedule_line *line = &model->schedule.lines[i];
        if (line->kind > REL_LINE_TOTAL_AREA || !string_ok(&line->area)
            || !string_ok(&line->voce))
            return false;
    }
    return true;
}
