-- gold.cycle_effectiveness, after diagnostic_scores.sql. Parameters: min_group_size,
-- reliable_change_threshold.

CREATE OR REPLACE TEMPORARY VIEW completed_cycles AS
SELECT cycle_key, leader_key, academic_year, start_date, completed_date
FROM silver_development_cycles
WHERE NOT is_deleted AND status = 'completed' AND completed_date IS NOT NULL;

-- The sitting before a cycle (latest on or before its start) and after it (first after its
-- completion).
CREATE OR REPLACE TEMPORARY VIEW cycle_sittings AS
SELECT cycle.cycle_key,
       max_by(sitting.sitting_key, struct(sitting.sitting_date, sitting.sitting_key))
           FILTER (WHERE sitting.sitting_date <= cycle.start_date) AS sitting_before,
       min_by(sitting.sitting_key, struct(sitting.sitting_date, sitting.sitting_key))
           FILTER (WHERE sitting.sitting_date > cycle.completed_date) AS sitting_after
FROM completed_cycles cycle
JOIN completed_sittings sitting ON sitting.leader_key = cycle.leader_key
GROUP BY cycle.cycle_key;

-- Every behaviour's change across the cycle, with whether it was in focus.
CREATE OR REPLACE TEMPORARY VIEW cycle_changes AS
SELECT s.cycle_key, change.behaviour_code, change.others_change, change.reliable_change_index,
       focus.behaviour_code IS NOT NULL AS is_focus
FROM cycle_sittings s
JOIN pair_changes change ON change.sitting_key = s.sitting_after AND change.earlier_sitting_key = s.sitting_before
LEFT JOIN silver_cycle_focus focus ON focus.cycle_key = s.cycle_key AND focus.behaviour_code = change.behaviour_code
WHERE change.others_change IS NOT NULL;

CREATE OR REPLACE TEMPORARY VIEW non_focus_changes AS
SELECT cycle_key, avg(others_change) AS non_focus_change
FROM cycle_changes
WHERE NOT is_focus
GROUP BY cycle_key;

-- One row per completed cycle and focus behaviour, with its change where both are known.
CREATE OR REPLACE TEMPORARY VIEW focus_results AS
SELECT cycle.academic_year, cycle.cycle_key, cycle.leader_key, focus.behaviour_code,
       change.others_change AS focus_change, non_focus.non_focus_change,
       change.reliable_change_index > ${reliable_change_threshold} AS is_reliable_improvement
FROM completed_cycles cycle
JOIN silver_cycle_focus focus ON focus.cycle_key = cycle.cycle_key
LEFT JOIN cycle_changes change ON change.cycle_key = cycle.cycle_key AND change.behaviour_code = focus.behaviour_code
LEFT JOIN non_focus_changes non_focus ON non_focus.cycle_key = cycle.cycle_key;

-- The "all" row: each cycle once, its focus change the mean over its focus behaviours with a
-- known change, a reliable improvement when any of them reliably improved.
CREATE OR REPLACE TEMPORARY VIEW cycle_results AS
SELECT academic_year, cycle_key, leader_key, 'all' AS behaviour_code,
       avg(focus_change) AS focus_change, max(non_focus_change) AS non_focus_change,
       max(is_reliable_improvement) AS is_reliable_improvement
FROM focus_results
GROUP BY academic_year, cycle_key, leader_key;

CREATE OR REPLACE TEMPORARY VIEW effectiveness_figures AS
SELECT academic_year, behaviour_code,
       CAST(count(*) AS INT) AS count_cycles_completed,
       CAST(count(CASE WHEN counted THEN 1 END) AS INT) AS count_cycles,
       CAST(count(DISTINCT CASE WHEN counted THEN leader_key END) AS INT) AS count_leaders,
       avg(CASE WHEN counted THEN focus_change END) AS mean_focus_change,
       avg(CASE WHEN counted THEN non_focus_change END) AS mean_non_focus_change,
       avg(CASE WHEN counted THEN focus_change - non_focus_change END) AS mean_difference,
       avg(CASE WHEN counted THEN CASE WHEN focus_change > non_focus_change THEN 1D ELSE 0D END END)
           AS share_focus_ahead,
       avg(CASE WHEN counted THEN CASE WHEN is_reliable_improvement THEN 1D ELSE 0D END END)
           AS share_reliable_improvement
FROM (SELECT *, focus_change IS NOT NULL AND non_focus_change IS NOT NULL AS counted
      FROM (SELECT * FROM focus_results UNION ALL SELECT * FROM cycle_results))
GROUP BY academic_year, behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW effectiveness_suppression AS
SELECT *,
       CASE WHEN small THEN 'fewer_than_min_group_size'
            WHEN behaviour_code <> 'all' AND count_leaders >= ${min_group_size} AND count_hidden = 1
                 AND smallest_shown = 1 THEN 'secondary_suppression'
       END AS suppression_reason
FROM (SELECT *,
             count_leaders BETWEEN 1 AND ${min_group_size} - 1 AS small,
             count(CASE WHEN behaviour_code <> 'all' AND count_leaders BETWEEN 1 AND ${min_group_size} - 1
                        THEN 1 END) OVER (PARTITION BY academic_year) AS count_hidden,
             row_number() OVER (PARTITION BY academic_year,
                                             behaviour_code <> 'all' AND count_leaders >= ${min_group_size}
                                ORDER BY count_leaders, behaviour_code) AS smallest_shown
      FROM effectiveness_figures);

SELECT e.academic_year, e.behaviour_code, behaviour.behaviour_name,
       CASE WHEN shown THEN e.count_cycles_completed END AS count_cycles_completed,
       CASE WHEN shown THEN e.count_cycles END AS count_cycles,
       CASE WHEN shown THEN e.count_leaders END AS count_leaders,
       CASE WHEN shown THEN e.mean_focus_change END AS mean_focus_change,
       CASE WHEN shown THEN e.mean_non_focus_change END AS mean_non_focus_change,
       CASE WHEN shown THEN e.mean_difference END AS mean_difference,
       CASE WHEN shown THEN e.share_focus_ahead END AS share_focus_ahead,
       CASE WHEN shown THEN e.share_reliable_improvement END AS share_reliable_improvement,
       NOT shown AS is_suppressed,
       e.suppression_reason
FROM (SELECT *, suppression_reason IS NULL AS shown FROM effectiveness_suppression) e
LEFT JOIN silver_behaviour behaviour ON behaviour.behaviour_code = e.behaviour_code
