#!/usr/bin/env python3
"""Benchmark of the XLSX registration list (a script, not a test).

    python3 setup/bench_xlsx.py --db NAME [-c ODOO.conf] [--count 50000]
                                [--limit 20]

In a database where ``dvk_models`` is installed, the script creates a unit
tree, an officer in charge of it, a campaign and ``--count`` models (varied
units, people, fields, levels and states), then times the registration-list
export of all of them end to end as that officer (record rules apply):
``ir.actions.report._render`` down to the XLSX bytes. It prints the rows, the
seconds and the number of SQL queries, next to the queries of a 20-model
export (the two must be equal: nothing is read model by model), checks that
the file opens with openpyxl and has one row per model, and compares the time
with ``--limit`` seconds (20 by default, DESIGN §4 and the XLSX issue).

Everything happens in one transaction that is rolled back at the end: the
database is left as it was. Run it on a database you may load, not on a live
one, as the transaction holds its locks while it runs. The planner statistics
of the filled tables are refreshed inside that transaction (ANALYZE), as
autovacuum would do on a live database; PostgreSQL keeps the table sizes
ANALYZE records even on rollback, so the tables are analysed again afterwards
to match the data left.

Without ``-c``, it connects the way ``./setup/dvk`` does: the PostgreSQL named
by the PG* variables, or the private cluster under ``.dvk/pg`` (started if
needed), and the addons path of this repository plus the Odoo found by
python3. Exit status: 0 under the limit, 1 over it or on a wrong file, 2 when
Odoo, the database or the addon is missing.
"""

import argparse
import importlib.machinery
import importlib.util
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = "dvk_models.model_registration_xlsx"
BATCH = 5000
ANALYZED_TABLES = (
    "hr_department",
    "hr_employee",
    "hr_version",
    "resource_resource",
    "res_partner",
    "res_users",
    "dvk_model",
)


def say(msg):
    print(f"[bench] {msg}", flush=True)


def load_setup_dvk():
    """The ``setup/dvk`` script as a module, for its connection helpers."""
    path = ROOT / "setup" / "dvk"
    loader = importlib.machinery.SourceFileLoader("dvk_setup", str(path))
    spec = importlib.util.spec_from_loader("dvk_setup", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def odoo_args(args):
    """Command-line arguments for Odoo's configuration."""
    if args.config:
        return ["-c", args.config, "-d", args.db]
    dvk = load_setup_dvk()
    ok, info = dvk.probe_odoo(dvk.odoo_env())
    if not ok:
        print(dvk.missing_odoo_message(info), file=sys.stderr)
        raise SystemExit(2)
    pg = dvk.Postgres()
    pg.ensure()
    if not pg.db_exists(args.db):
        print(f"[bench] database {args.db!r} does not exist", file=sys.stderr)
        raise SystemExit(2)
    return [
        f"--addons-path={dvk.addons_path(info)}",
        f"--data-dir={dvk.STATE / 'data'}",
        *pg.odoo_args(),
        "--http-interface=127.0.0.1",
        "-d",
        args.db,
    ]


def free_year(env):
    """A campaign year of the party profile unused in the current company."""
    used = set(
        env["dvk.campaign"]
        .with_context(active_test=False)
        .search([("company_id", "=", env.company.id), ("profile", "=", "party")])
        .mapped("year")
    )
    return next(year for year in range(2199, 2100, -1) if year not in used)


def analyze(env):
    """Refresh the planner's statistics of the tables the benchmark fills.

    Its rows exist only in its own transaction, which autovacuum never sees:
    on a fresh database the planner would keep believing the tables empty and
    choose nested loops that make Odoo's own employee creation quadratic, and
    the export's plans unlike a live database's. ANALYZE counts the rows of
    the current transaction.
    """
    from odoo.tools import SQL  # noqa: PLC0415

    env.flush_all()
    for table in ANALYZED_TABLES:
        env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))


def create_data(env, count):
    """Units, people, an officer and ``count`` models; returns (officer,
    models). Written as superuser, in batches, without chatter."""
    from odoo import Command  # noqa: PLC0415 (Odoo is imported late on purpose)

    levels = env["dvk.level"].search([], order="sequence, id")
    fields_ = env["dvk.field"].search([], order="sequence, id")
    categories = env["dvk.category"].search([])
    root = env["hr.department"].create(
        {"name": "Ban Dân vận Tỉnh ủy (benchmark)", "dvk_level_id": levels[-1].id}
    )
    districts = env["hr.department"].create(
        [{"name": f"Huyện ủy số {i}", "parent_id": root.id} for i in range(1, 11)]
    )
    units = env["hr.department"].create(
        [
            {"name": f"Đảng ủy xã số {i}", "parent_id": districts[i % 10].id}
            for i in range(1, 201)
        ]
    )
    employees = env["hr.employee"]
    for start in range(0, 2000, 100):
        employees |= env["hr.employee"].create(
            [
                {"name": f"Cán bộ Nguyễn Văn {i}", "department_id": units[i % 200].id}
                for i in range(start, start + 100)
            ]
        )
        analyze(env)
    stamp = int(time.time())
    officer, approver = env["res.users"].create(
        [
            {
                "name": "Cán bộ thi đua (benchmark)",
                "login": f"bench_xlsx_officer_{stamp}",
                "group_ids": [Command.link(env.ref("dvk_models.group_dvk_officer").id)],
                "dvk_department_ids": [Command.link(root.id)],
            },
            {
                "name": "Người phê duyệt (benchmark)",
                "login": f"bench_xlsx_approver_{stamp}",
                "group_ids": [Command.link(env.ref("dvk_models.group_dvk_user").id)],
            },
        ]
    )
    year = free_year(env)
    campaign = env["dvk.campaign"].create(
        {
            "name": f"Dân vận khéo {year} (benchmark)",
            "year": year,
            "profile": "party",
            "date_start": f"{year}-01-01",
            "date_end": f"{year}-12-31",
            "registration_deadline": f"{year}-03-29",
            "proposal_deadline": f"{year}-09-30",
            "recognition_deadline": f"{year}-10-14",
        }
    )
    states = ["draft", "submitted", "approved", "proposed", "recognized", "refused"]
    vals_list = []
    for i in range(count):
        individual = i % 2 == 1
        employee = employees[i % len(employees)]
        state = states[i % len(states)]
        field = fields_[i % len(fields_)]
        category = categories.filtered(lambda c, f=field: c.field_id == f)[:1]
        name = f"Dân vận khéo số {i} trong xây dựng nông thôn mới"
        if i % 1000 == 7:
            name = f'=HYPERLINK("http://example.invalid/{i}")'
        vals_list.append(
            {
                "name": name,
                "campaign_id": campaign.id,
                "subject_type": "individual" if individual else "collective",
                "employee_id": employee.id if individual else False,
                "department_id": (
                    employee.department_id.id if individual else units[i % 200].id
                ),
                "field_id": field.id,
                "category_id": category.id,
                "level_id": levels[i % len(levels)].id,
                "area": f"Ấp {i % 97}, xã Hòa Lợi",
                "registration_date": (f"{year}-02-10" if state != "draft" else False),
                "is_supplementary": i % 10 == 0,
                "approver_id": approver.id if state != "draft" else False,
                "state": state,
            }
        )
    Model = env["dvk.model"]
    models = Model.browse()
    for start in range(0, count, BATCH):
        models |= Model.create(vals_list[start : start + BATCH])
        analyze(env)
        say(f"  {min(start + BATCH, count)} / {count} models created")
    recognized = models.filtered(lambda m: m.state == "recognized")
    for index, level in enumerate(levels):
        recognized[index :: len(levels)].write({"recognized_level_id": level.id})
    env.flush_all()
    return officer, models


def render(env, officer, models):
    """Render the registration list of ``models`` as ``officer``; returns
    (bytes, seconds, queries)."""
    env.flush_all()
    env.invalidate_all()
    cr = env.cr
    report = env(user=officer.id, su=False)["ir.actions.report"]
    queries = cr.sql_log_count
    start = time.perf_counter()
    content, report_type = report._render(REPORT, models.ids)
    seconds = time.perf_counter() - start
    assert report_type == "xlsx", report_type
    return content, seconds, cr.sql_log_count - queries


def check_file(content, expected_rows):
    """Rows of data in the file (openpyxl, read-only), and whether the
    formula-like names came out as text."""
    from openpyxl import load_workbook  # noqa: PLC0415

    book = load_workbook(io.BytesIO(content), read_only=True)
    sheet = book.active
    rows = 0
    formulas = 0
    for values in sheet.iter_rows(min_row=4, values_only=True):
        rows += 1
        name = values[1]
        if isinstance(name, str) and name.startswith("=HYPERLINK"):
            formulas += 1
    book.close()
    return rows, formulas, rows == expected_rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True, help="database with dvk_models")
    parser.add_argument("-c", "--config", help="Odoo configuration file")
    parser.add_argument("--count", type=int, default=50000, help="models to export")
    parser.add_argument(
        "--limit", type=float, default=20.0, help="seconds allowed for the export"
    )
    args = parser.parse_args()

    try:
        import odoo  # noqa: PLC0415
        from odoo import SUPERUSER_ID, api  # noqa: PLC0415
        from odoo.modules.registry import Registry  # noqa: PLC0415
        from odoo.service import server  # noqa: PLC0415
        from odoo.tools import config  # noqa: PLC0415
    except ImportError as exc:
        print(f"[bench] Odoo 19.0 is not importable: {exc}", file=sys.stderr)
        return 2

    config.parse_config([*odoo_args(args), "--log-level=warn"], setup_logging=True)
    server.load_server_wide_modules()
    registry = Registry(args.db)
    cr = registry.cursor()
    try:
        env = api.Environment(
            cr,
            SUPERUSER_ID,
            {
                "tracking_disable": True,
                "mail_create_nolog": True,
                "mail_create_nosubscribe": True,
                "mail_notrack": True,
                "no_reset_password": True,
            },
        )
        installed = env["ir.module.module"].search_count(
            [("name", "=", "dvk_models"), ("state", "=", "installed")]
        )
        if not installed:
            print(f"[bench] dvk_models is not installed in {args.db}", file=sys.stderr)
            return 2
        say(
            f"Odoo {odoo.release.version}, database {args.db}: creating "
            f"{args.count} models (not timed, rolled back at the end)"
        )
        start = time.perf_counter()
        officer, models = create_data(env, args.count)
        say(f"data created in {time.perf_counter() - start:.1f} s")

        render(env, officer, models[:20])  # fills the caches, as in a server
        _content, _seconds, small_queries = render(env, officer, models[:20])
        content, seconds, queries = render(env, officer, models)
        rows, formulas, rows_ok = check_file(content, len(models))
        fast = seconds < args.limit
        constant = queries == small_queries

        say("-" * 68)
        say("registration list XLSX, rendered as an officer (record rules apply)")
        say(f"  rows:     {rows} (expected {len(models)})")
        say(f"  seconds:  {seconds:.2f} (limit {args.limit:g})")
        say(f"  queries:  {queries} (20 models: {small_queries})")
        say(f"  size:     {len(content) / 1e6:.1f} MB")
        say(f"  formula-like names written as text: {formulas}")
        say("-" * 68)
        say(f"{'OK' if fast else 'TOO SLOW'}: export of {rows} rows in {seconds:.2f} s")
        if not constant:
            say("WARNING: the query count grows with the number of models")
        if not rows_ok:
            say("WRONG FILE: the row count differs from the number of models")
        return 0 if fast and rows_ok and constant else 1
    finally:
        cr.rollback()
        cr.close()
        say(f"rolled back: nothing was written to {args.db}")
        # The sizes recorded by ANALYZE survive the rollback: measure again.
        with registry.cursor() as cr:
            analyze(api.Environment(cr, SUPERUSER_ID, {}))


if __name__ == "__main__":
    sys.exit(main())
