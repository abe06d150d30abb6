-- gold.cycle_engagement, after counted_leaders.sql (for school_years). Parameters:
-- min_group_size, cycle_window_days, as_of_date.

-- Each cycle in exactly one state, judged against its window and the as-of date.
CREATE OR REPLACE TEMPORARY VIEW cycle_states AS
SELECT cycle_key, leader_key, school_urn, academic_year, start_date, count_checkins,
       date_add(start_date, ${cycle_window_days}) AS window_end,
       date_add(start_date, ${cycle_window_days}) <= DATE '${as_of_date}' AS is_window_ended,
       CASE WHEN status = 'completed' AND completed_date <= date_add(start_date, ${cycle_window_days})
                THEN 'completed_on_time'
            WHEN status = 'completed' THEN 'completed_late'
            WHEN status = 'abandoned' THEN 'abandoned'
            WHEN date_add(start_date, ${cycle_window_days}) < DATE '${as_of_date}' THEN 'overdue'
            ELSE 'in_progress'
       END AS state
FROM silver_development_cycles
WHERE NOT is_deleted AND start_date <= DATE '${as_of_date}';

-- Days between check-ins, the start counting as the first: (last check-in - start) / check-ins.
CREATE OR REPLACE TEMPORARY VIEW cycle_cadence AS
SELECT cycle.cycle_key,
       datediff(max(checkin.checkin_date), cycle.start_date) / count(*) AS mean_days_between
FROM cycle_states cycle
JOIN silver_cycle_checkins checkin ON checkin.cycle_key = cycle.cycle_key
GROUP BY cycle.cycle_key, cycle.start_date;

CREATE OR REPLACE TEMPORARY VIEW school_posts AS
SELECT DISTINCT years.academic_year, years.school_urn, spell.leader_key
FROM school_years years
JOIN silver_leader spell
  ON spell.school_urn = years.school_urn AND spell.valid_from <= years.year_end
 AND (spell.valid_to IS NULL OR spell.valid_to >= years.year_start);

-- Leaders in post at the school during the year, and those of them who started a cycle there
-- (the platform may hold a cycle for someone whose MIS spell is elsewhere).
CREATE OR REPLACE TEMPORARY VIEW leaders_in_post AS
SELECT posts.academic_year, posts.school_urn, CAST(count(*) AS INT) AS count_in_post,
       count(cycles.leader_key) AS count_in_post_with_cycle
FROM school_posts posts
LEFT JOIN (SELECT DISTINCT academic_year, school_urn, leader_key FROM cycle_states) cycles
  ON cycles.academic_year = posts.academic_year AND cycles.school_urn = posts.school_urn
 AND cycles.leader_key = posts.leader_key
GROUP BY posts.academic_year, posts.school_urn;

CREATE OR REPLACE TEMPORARY VIEW engagement_figures AS
SELECT years.academic_year, years.school_urn, years.school_name, years.phase,
       CAST(count(DISTINCT cycle.leader_key) AS INT) AS count_leaders,
       first(post.count_in_post_with_cycle) / post.count_in_post AS share_leaders_with_cycle,
       CAST(count(cycle.cycle_key) AS INT) AS count_cycles_started,
       CAST(count(CASE WHEN cycle.state = 'completed_on_time' THEN 1 END) AS INT) AS count_completed_on_time,
       CAST(count(CASE WHEN cycle.state = 'completed_late' THEN 1 END) AS INT) AS count_completed_late,
       CAST(count(CASE WHEN cycle.state = 'abandoned' THEN 1 END) AS INT) AS count_abandoned,
       CAST(count(CASE WHEN cycle.state = 'overdue' THEN 1 END) AS INT) AS count_overdue,
       CAST(count(CASE WHEN cycle.state = 'in_progress' THEN 1 END) AS INT) AS count_in_progress,
       avg(CASE WHEN cycle.cycle_key IS NULL OR NOT cycle.is_window_ended THEN NULL
                WHEN cycle.state = 'completed_on_time' THEN 1D ELSE 0D END) AS share_completed_on_time,
       avg(cycle.count_checkins) AS mean_checkins_per_cycle,
       avg(cadence.mean_days_between) AS mean_days_between_checkins
FROM school_years years
LEFT JOIN cycle_states cycle ON cycle.academic_year = years.academic_year AND cycle.school_urn = years.school_urn
LEFT JOIN cycle_cadence cadence ON cadence.cycle_key = cycle.cycle_key
LEFT JOIN leaders_in_post post ON post.academic_year = years.academic_year AND post.school_urn = years.school_urn
WHERE years.year_start <= DATE '${as_of_date}'
GROUP BY years.academic_year, years.school_urn, years.school_name, years.phase, post.count_in_post;

CREATE OR REPLACE TEMPORARY VIEW engagement_suppression AS
SELECT *,
       CASE WHEN small THEN 'fewer_than_min_group_size'
            WHEN count_hidden = 1 AND smallest_shown = 1 AND count_leaders >= ${min_group_size}
                 THEN 'secondary_suppression'
       END AS suppression_reason
FROM (SELECT *,
             count_leaders BETWEEN 1 AND ${min_group_size} - 1 AS small,
             count(CASE WHEN count_leaders BETWEEN 1 AND ${min_group_size} - 1 THEN 1 END)
                 OVER (PARTITION BY academic_year) AS count_hidden,
             row_number() OVER (PARTITION BY academic_year, count_leaders >= ${min_group_size}
                                ORDER BY count_leaders, school_urn) AS smallest_shown
      FROM engagement_figures);

SELECT academic_year, school_urn, school_name, phase, DATE '${as_of_date}' AS as_of_date,
       CASE WHEN shown THEN count_leaders END AS count_leaders,
       CASE WHEN shown THEN share_leaders_with_cycle END AS share_leaders_with_cycle,
       CASE WHEN shown THEN count_cycles_started END AS count_cycles_started,
       CASE WHEN shown THEN count_completed_on_time END AS count_completed_on_time,
       CASE WHEN shown THEN count_completed_late END AS count_completed_late,
       CASE WHEN shown THEN count_abandoned END AS count_abandoned,
       CASE WHEN shown THEN count_overdue END AS count_overdue,
       CASE WHEN shown THEN count_in_progress END AS count_in_progress,
       CASE WHEN shown THEN share_completed_on_time END AS share_completed_on_time,
       CASE WHEN shown THEN mean_checkins_per_cycle END AS mean_checkins_per_cycle,
       CASE WHEN shown THEN mean_days_between_checkins END AS mean_days_between_checkins,
       NOT shown AS is_suppressed,
       suppression_reason
FROM (SELECT *, suppression_reason IS NULL AS shown FROM engagement_suppression)
