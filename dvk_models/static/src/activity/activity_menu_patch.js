/*
 * The systray opens a model's activities filtered on those late or due today.
 * DVK approvals fall due at the registration deadline, weeks ahead: the
 * approver clicking "Mô hình DVK" would land on an empty list while his
 * approvals wait. For DVK records the row opens all of the user's activities
 * on them, whatever their date; the Late / Today / Future links keep their
 * own filters.
 */
import { ActivityMenu } from "@mail/core/web/activity_menu";
import { patch } from "@web/core/utils/patch";

export const DVK_ACTIVITY_MODELS = ["dvk.model"];

patch(ActivityMenu.prototype, {
    openActivityGroup(group, filter = "all", newWindow) {
        if (filter === "all" && DVK_ACTIVITY_MODELS.includes(group.model)) {
            // Any value but the core's: only "My Activities" stays applied.
            filter = "dvk_any_date";
        }
        return super.openActivityGroup(group, filter, newWindow);
    },
});
