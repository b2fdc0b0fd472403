"""Data of issue 24 written into existing databases, whose guidance profiles
are loaded once (noupdate): the levels a deadline governs, the deadlines a
sector no longer borrows, the fields a registration states."""


def scope_rule(env, rule_xmlid, level_xmlids, scope):
    """Give the deadline rule ``rule_xmlid`` its levels and scope, and the
    campaign lines made from it that name no level the same levels."""
    rule = env.ref(rule_xmlid, raise_if_not_found=False)
    if not rule or rule.level_ids:
        return
    levels = env["dvk.level"].browse([env.ref(x).id for x in level_xmlids])
    rule.write({"level_ids": [(6, 0, levels.ids)], "scope": scope})
    Line = env["dvk.campaign.deadline"]
    lines = Line.search([("rule_id", "=", rule.id), ("level_ids", "=", False)])
    lines.write({"level_ids": [(6, 0, levels.ids)]})
    # The lines an earlier migration made from the campaigns' contract field
    # (no rule, no level) were that rule's date: they follow it now.
    orphans = Line.search(
        [
            ("rule_id", "=", False),
            ("kind", "=", rule.kind),
            ("level_ids", "=", False),
            ("campaign_id.profile_id", "=", rule.profile_id.id),
        ]
    )
    orphans.write(
        {"rule_id": rule.id, "own_name": False, "level_ids": [(6, 0, levels.ids)]}
    )


def drop_rules(env, rule_xmlids):
    """Remove deadline rules a sector borrowed from another guidance. The
    lines made from them on campaigns not closed yet go too, unless an
    officer changed their date; the others keep their name and stay."""
    for xmlid in rule_xmlids:
        rule = env.ref(xmlid, raise_if_not_found=False)
        if not rule:
            continue
        lines = env["dvk.campaign.deadline"].search([("rule_id", "=", rule.id)])
        unchanged = lines.filtered(
            lambda line, rule=rule: (
                line.campaign_id.state != "closed"
                and line.date == rule._date(line.campaign_id.year)
            )
        )
        unchanged.with_context(dvk_deadline_reset=True).unlink()
        for line in lines - unchanged:
            if not line.own_name:
                line.own_name = rule.name
        rule.unlink()


def require_fields(env, profile_xmlid, field_names, monitor=False):
    """What the profile's registrations state before submission, and
    whether its models need a monitoring officer, unless already set."""
    profile = env.ref(profile_xmlid, raise_if_not_found=False)
    if not profile:
        return
    if not profile.registration_field_ids:
        fields_ = env["ir.model.fields"].search(
            [("model", "=", "dvk.model"), ("name", "in", field_names)]
        )
        profile.registration_field_ids = [(6, 0, fields_.ids)]
    if monitor:
        profile.monitor_required = True
