"""Numbering series (issue 24, item 8): every numbered report to Sở Nội vụ
records the start of the period it was numbered in (1 January of its
year), before the unique index on that period is built. Nothing is
renumbered."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "ALTER TABLE dvk_statehub_report "
        "ADD COLUMN IF NOT EXISTS number_period_start date"
    )
    cr.execute(
        """
        UPDATE dvk_statehub_report
           SET number_period_start = make_date(number_year, 1, 1)
         WHERE sequence_number IS NOT NULL
           AND number_period_start IS NULL
           AND number_year > 0
        """
    )
