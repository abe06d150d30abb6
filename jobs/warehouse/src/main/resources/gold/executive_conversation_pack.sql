-- gold.executive_conversation_pack from the gold tables that define each figure. Parameters:
-- as_of_date, movement_margin. A figure hidden at its source stays hidden here.
CREATE OR REPLACE TEMPORARY VIEW pack_schools AS
SELECT years.academic_year, school.school_urn, school.school_name, school.phase, school.region, school.joined_on,
       school.joined_on >= years.year_start AS is_first_year
FROM academic_years years
JOIN silver_school school
  ON school.joined_on <= years.year_end AND (school.left_on IS NULL OR school.left_on >= years.year_start)
WHERE years.year_start <= DATE '${as_of_date}';

-- Each priority's progress in words, in the trust's order of priorities.
CREATE OR REPLACE TEMPORARY VIEW pack_priorities AS
SELECT schools.academic_year, schools.school_urn, priority.behaviour_code, priority.priority_rank,
       progress.mean_change, progress.count_leaders_compared, progress.is_suppressed, progress.suppression_reason,
       progress.share_cycles_aligned, progress.is_alignment_suppressed, progress.alignment_suppression_reason,
       CASE WHEN progress.school_urn IS NULL THEN priority.behaviour_code || ' not measured'
            WHEN progress.suppression_reason = 'fewer_than_min_group_size'
                THEN priority.behaviour_code || ' withheld, fewer leaders than the minimum'
            WHEN progress.is_suppressed THEN priority.behaviour_code || ' withheld, so a smaller group stays hidden'
            WHEN progress.mean_change IS NULL THEN priority.behaviour_code || ' not comparable with last year'
            WHEN progress.mean_change >= ${movement_margin}
                THEN format_string('%s up %.2f over %d leaders', priority.behaviour_code, progress.mean_change,
                                   progress.count_leaders_compared)
            WHEN progress.mean_change <= -${movement_margin}
                THEN format_string('%s down %.2f over %d leaders', priority.behaviour_code, -progress.mean_change,
                                   progress.count_leaders_compared)
            ELSE priority.behaviour_code || ' unchanged'
       END AS words
FROM pack_schools schools
JOIN silver_trust_priorities priority ON priority.academic_year = schools.academic_year
LEFT JOIN gold_priority_progress progress
  ON progress.academic_year = schools.academic_year AND progress.school_urn = schools.school_urn
 AND progress.behaviour_code = priority.behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW pack_progress AS
SELECT academic_year, school_urn,
       CAST(count(*) AS INT) AS count_priorities,
       CAST(count(CASE WHEN NOT is_suppressed AND mean_change IS NOT NULL THEN 1 END) AS INT)
           AS count_priorities_reported,
       CAST(count(CASE WHEN NOT is_suppressed AND mean_change >= ${movement_margin} THEN 1 END) AS INT)
           AS count_priorities_improved,
       CAST(count(CASE WHEN NOT is_suppressed AND mean_change <= -${movement_margin} THEN 1 END) AS INT)
           AS count_priorities_declined,
       array_join(transform(array_sort(collect_list(named_struct('rank', priority_rank, 'words', words))),
                            item -> item.words), '; ') AS priority_summary,
       max(CASE WHEN NOT is_alignment_suppressed THEN share_cycles_aligned END) AS share_cycles_aligned,
       CASE WHEN array_contains(collect_list(suppression_reason), 'fewer_than_min_group_size')
                 OR array_contains(collect_list(alignment_suppression_reason), 'fewer_than_min_group_size')
            THEN 'fewer_than_min_group_size'
            WHEN count(suppression_reason) + count(alignment_suppression_reason) > 0 THEN 'secondary_suppression'
       END AS progress_reason
FROM pack_priorities
GROUP BY academic_year, school_urn;

CREATE OR REPLACE TEMPORARY VIEW pack_behaviours AS
SELECT summary.academic_year, summary.school_urn,
       CAST(count(CASE WHEN NOT summary.is_suppressed THEN 1 END) AS INT) AS count_behaviours_reported,
       CAST(count(CASE WHEN summary.is_blind_spot THEN 1 END) AS INT) AS count_blind_spots,
       array_join(transform(array_sort(collect_list(CASE WHEN summary.is_blind_spot
                  THEN named_struct('order', behaviour.display_order, 'code', summary.behaviour_code) END)),
                  item -> item.code), '|') AS blind_spot_behaviours,
       CAST(count(CASE WHEN summary.is_hidden_strength THEN 1 END) AS INT) AS count_hidden_strengths,
       array_join(transform(array_sort(collect_list(CASE WHEN summary.is_hidden_strength
                  THEN named_struct('order', behaviour.display_order, 'code', summary.behaviour_code) END)),
                  item -> item.code), '|') AS hidden_strength_behaviours,
       CAST(count(CASE WHEN summary.is_strength THEN 1 END) AS INT) AS count_strengths,
       array_join(transform(array_sort(collect_list(CASE WHEN summary.is_strength
                  THEN named_struct('order', behaviour.display_order, 'code', summary.behaviour_code) END)),
                  item -> item.code), '|') AS strength_behaviours,
       CASE WHEN array_contains(collect_list(summary.suppression_reason), 'fewer_than_min_group_size')
            THEN 'fewer_than_min_group_size'
            WHEN count(summary.suppression_reason) > 0 THEN 'secondary_suppression' END AS behaviour_reason
FROM gold_school_behaviour_summary summary
JOIN silver_behaviour behaviour ON behaviour.behaviour_code = summary.behaviour_code
GROUP BY summary.academic_year, summary.school_urn;

CREATE OR REPLACE TEMPORARY VIEW pack_bench AS
SELECT bench.academic_year, bench.school_urn,
       max(CASE WHEN bench.critical_role = 'all' THEN bench.count_critical_roles END) AS count_critical_roles,
       max(CASE WHEN bench.critical_role = 'all' THEN bench.count_roles_covered END) AS count_roles_covered,
       max(CASE WHEN bench.critical_role = 'all' THEN bench.share_roles_covered END) AS share_roles_covered,
       nullif(array_join(array_sort(collect_list(CASE WHEN bench.critical_role <> 'all' AND bench.is_at_risk
                                                      THEN bench.critical_role END)), '|'), '') AS roles_at_risk,
       CASE WHEN array_contains(collect_list(bench.suppression_reason), 'fewer_than_min_group_size')
            THEN 'fewer_than_min_group_size'
            WHEN count(bench.suppression_reason) > 0 THEN 'secondary_suppression' END AS bench_reason
FROM gold_succession_bench bench
GROUP BY bench.academic_year, bench.school_urn;

CREATE OR REPLACE TEMPORARY VIEW pack_rows AS
SELECT schools.academic_year, schools.school_urn, schools.school_name, schools.phase, schools.region,
       schools.joined_on, schools.is_first_year,
       coalesce(progress.count_priorities, 0) AS count_priorities,
       CASE WHEN schools.is_first_year THEN 0 ELSE coalesce(progress.count_priorities_reported, 0) END
           AS count_priorities_reported,
       CASE WHEN NOT schools.is_first_year THEN progress.count_priorities_improved END AS count_priorities_improved,
       CASE WHEN NOT schools.is_first_year THEN progress.count_priorities_declined END AS count_priorities_declined,
       CASE WHEN NOT schools.is_first_year THEN progress.priority_summary END AS priority_summary,
       progress.share_cycles_aligned,
       coalesce(behaviours.count_behaviours_reported, 0) AS count_behaviours_reported,
       behaviours.count_blind_spots, nullif(behaviours.blind_spot_behaviours, '') AS blind_spot_behaviours,
       behaviours.count_hidden_strengths, nullif(behaviours.hidden_strength_behaviours, '') AS hidden_strength_behaviours,
       behaviours.count_strengths, nullif(behaviours.strength_behaviours, '') AS strength_behaviours,
       engagement.count_cycles_started, engagement.share_completed_on_time, engagement.count_overdue,
       engagement.mean_checkins_per_cycle,
       coalesce(bench.count_critical_roles, 0) AS count_critical_roles,
       coalesce(bench.count_roles_covered, 0) AS count_roles_covered,
       bench.share_roles_covered, bench.roles_at_risk,
       concat_ws('|',
           CASE WHEN progress.progress_reason IS NOT NULL THEN 'priority_progress:' || progress.progress_reason END,
           CASE WHEN behaviours.behaviour_reason IS NOT NULL THEN 'behaviour_summary:' || behaviours.behaviour_reason END,
           CASE WHEN engagement.suppression_reason IS NOT NULL
                THEN 'cycle_engagement:' || engagement.suppression_reason END,
           CASE WHEN bench.bench_reason IS NOT NULL THEN 'succession_bench:' || bench.bench_reason END)
           AS section_reasons
FROM pack_schools schools
LEFT JOIN pack_progress progress
  ON progress.academic_year = schools.academic_year AND progress.school_urn = schools.school_urn
LEFT JOIN pack_behaviours behaviours
  ON behaviours.academic_year = schools.academic_year AND behaviours.school_urn = schools.school_urn
LEFT JOIN gold_cycle_engagement engagement
  ON engagement.academic_year = schools.academic_year AND engagement.school_urn = schools.school_urn
LEFT JOIN pack_bench bench
  ON bench.academic_year = schools.academic_year AND bench.school_urn = schools.school_urn;

SELECT academic_year, school_urn, school_name, phase, region, joined_on, is_first_year,
       count_priorities, count_priorities_reported, count_priorities_improved,
       count_priorities_declined, priority_summary, share_cycles_aligned,
       count_behaviours_reported, count_blind_spots, blind_spot_behaviours, count_hidden_strengths,
       hidden_strength_behaviours, count_strengths, strength_behaviours, count_cycles_started,
       share_completed_on_time, count_overdue, mean_checkins_per_cycle, count_critical_roles,
       count_roles_covered, share_roles_covered, roles_at_risk,
       nullif(section_reasons, '') IS NOT NULL AS is_suppressed,
       nullif(section_reasons, '') AS suppression_reason
FROM pack_rows
