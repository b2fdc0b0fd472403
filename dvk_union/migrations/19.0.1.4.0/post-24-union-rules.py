"""Seed 004 read as written (issue 24, item 6). The criteria and dossier data
are noupdate: existing databases get the corrected checks and conditions
here, where they still hold the shipped values.

- §III.1.b: an upper-level union's criterion B checks that a base union
  itself holds "CĐCS vững mạnh", not every base union below it;
- §III.3.b: an individual exemplar's criterion B accepts a model recognised
  or found replicable;
- §IV.4: the commendation dossier is not required of a record whose reach is
  its own base union (the base union recognises it)."""

OLD_PROPOSER = (
    "[('subject_type', '=', 'collective'), "
    "('department_id.dvk_union_kind', '!=', False)]"
)
NEW_PROPOSER = (
    "['|', ('union_reach', '=', 'base'), '&', "
    "('subject_type', '=', 'collective'), "
    "('department_id.dvk_union_kind', '!=', False)]"
)
BASE_REACH = "[('union_reach', '=', 'base')]"
# The criteria's words as the data now ship them, English and Vietnamese
# (a module update keeps the translations already in the database).
CRITERIA_TEXT = {
    "criterion_union_exemplar_upper_b": (
        'Completes its tasks; base unions hold "Strong Grassroots Trade Union"',
        'Completes its tasks every year; a base union holds "Strong Grassroots '
        'Trade Union"',
        "Completes well the political tasks assigned to it every year; a "
        'collective that is a base union holds the title "Strong Grassroots '
        'Trade Union" (§III.1.b). The base unions below an upper-level union '
        "are not required to hold it.",
        'Hằng năm hoàn thành tốt nhiệm vụ; nếu là công đoàn cơ sở phải đạt "Công '
        'đoàn cơ sở vững mạnh"',
        "Hằng năm đều hoàn thành tốt nhiệm vụ chính trị được giao; nếu là tập "
        "thể ở các công đoàn cơ sở phải đạt danh hiệu công đoàn cơ sở vững mạnh "
        "(mục III.1.b). Không đòi hỏi mọi công đoàn cơ sở trực thuộc công đoàn "
        "cấp trên phải đạt danh hiệu này.",
    ),
    "criterion_union_exemplar_individual_b": (
        "Built or took part in a recognised model",
        "Built or took part in a model recognised or replicable",
        "Directly mobilised the base union to build and carry out one or more "
        'highly effective "Dân vận khéo" models, recognised in the year or '
        "found by the DVK officer replicable within the base union, the "
        "district, the province, the sector or the country (§III.3.b).",
        "Xây dựng hoặc tham gia mô hình đã được công nhận hoặc có thể nhân rộng",
        "Trực tiếp vận động CĐCS xây dựng, thực hiện được một hoặc một số mô "
        "hình “Dân vận khéo” có hiệu quả cao, đã được công nhận trong năm hoặc "
        "được cán bộ phụ trách xác định có thể nhân ra diện rộng (phạm vi CĐCS, "
        "huyện, toàn tỉnh, ngành hoặc toàn quốc) (mục III.3.b).",
    ),
}


def _ids(cr, model, names):
    cr.execute(
        "SELECT res_id FROM ir_model_data "
        "WHERE module = 'dvk_union' AND model = %s AND name = ANY(%s)",
        [model, list(names)],
    )
    return [row[0] for row in cr.fetchall()]


def migrate(cr, version):
    if not version:
        return
    # Any criterion using the removed check reads the rule as written.
    cr.execute(
        """UPDATE dvk_criterion SET "check" = 'union_base_strong' """
        """WHERE "check" = 'union_base_units_strong'"""
    )
    individual = _ids(cr, "dvk.criterion", ["criterion_union_exemplar_individual_b"])
    if individual:
        cr.execute(
            """UPDATE dvk_criterion """
            """SET "check" = 'union_model_recognized_or_replicable' """
            """WHERE id = ANY(%s) AND "check" = 'recognized_models'""",
            [individual],
        )
    for xmlid, texts in CRITERIA_TEXT.items():
        old_name, name, guidance, name_vi, guidance_vi = texts
        ids = _ids(cr, "dvk.criterion", [xmlid])
        if ids:
            cr.execute(
                "UPDATE dvk_criterion "
                "SET name = name || jsonb_build_object("
                "'en_US', %s::text, 'vi_VN', %s::text), "
                "guidance = COALESCE(guidance, '{}'::jsonb) || jsonb_build_object("
                "'en_US', %s::text, 'vi_VN', %s::text) "
                "WHERE id = ANY(%s) AND name->>'en_US' = %s",
                [name, name_vi, guidance, guidance_vi, ids, old_name],
            )
    proposer = _ids(
        cr,
        "dvk.dossier.template",
        ["dossier_union_model_proposer", "dossier_union_exemplar_proposer"],
    )
    if proposer:
        cr.execute(
            "UPDATE dvk_dossier_template SET not_required_domain = %s "
            "WHERE id = ANY(%s) AND not_required_domain = %s",
            [NEW_PROPOSER, proposer, OLD_PROPOSER],
        )
    others = _ids(
        cr,
        "dvk.dossier.template",
        [
            f"dossier_union_{target}_{code}"
            for target in ("model", "exemplar")
            for code in (
                "submission",
                "appraisal",
                "standing",
                "achievement",
                "summary",
            )
        ],
    )
    if others:
        cr.execute(
            "UPDATE dvk_dossier_template SET not_required_domain = %s "
            "WHERE id = ANY(%s) "
            "AND COALESCE(not_required_domain, '[]') IN ('[]', '')",
            [BASE_REACH, others],
        )
