#include "model/model.h"

#include <string.h>

const rel_dataset *rel_model_dataset(const rel_model *model, const char *name)
{
    for (size_t i = 0; i < model->dataset_count; i++)
        if (strcmp(model->datasets[i].name, name) == 0)
            return &model->datasets[i];
    return NULL;
}

const rel_narrative *rel_model_narrative(const rel_model *model, const char *name)
{
    for (size_t i = 0; i < model->narrative_count; i++)
        if (strcmp(model->narratives[i].name, name) == 0)
            return &model->narratives[i];
    return NULL;
}

bool rel_model_check(const rel_model *model)
{
    const rel_entity *entity = &model->entity;
    if (entity->name.text == NULL || entity->legal_form.text == NULL || entity->year <= 0)
        return false;
    for (size_t i = 0; i < model->dataset_count; i++)
        if (!rel_dataset_check(&model->datasets[i]))
            return false;
    for (size_t i = 0; i < model->narrative_count; i++)
        if (model->narratives[i].text == NULL)
            return false;
    return true;
}
