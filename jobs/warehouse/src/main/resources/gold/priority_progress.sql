-- gold.priority_progress, after counted_leaders.sql. Parameters: min_group_size.

-- Leaders counted at a school this year who had an others score in the behaviour the year
-- before, at any school of the trust.
CREATE OR REPLACE TEMPORARY VIEW compared_leaders AS
SELECT now.academic_year, now.school_urn, now.behaviour_code, now.leader_key,
       now.others_score AS current_score, before.others_score AS previous_score
FROM counted_leaders now
JOIN counted_leaders before
  ON before.leader_key = now.leader_key AND before.behaviour_code = now.behaviour_code
 AND before.academic_year = concat(CAST(CAST(substr(now.academic_year, 1, 4) AS INT) - 1 AS STRING), '/',
                                   substr(now.academic_year, 3, 2));

CREATE OR REPLACE TEMPORARY VIEW trust_progress AS
SELECT academic_year, behaviour_code,
       CASE WHEN count(*) >= ${min_group_size} THEN avg(current_score - previous_score) END AS trust_mean_change
FROM compared_leaders
GROUP BY academic_year, behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW priority_schools AS
SELECT years.academic_year, years.school_urn, years.school_name, years.phase, years.has_previous_year,
       priority.behaviour_code, priority.priority_rank
FROM school_years years
JOIN silver_trust_priorities priority ON priority.academic_year = years.academic_year;

CREATE OR REPLACE TEMPORARY VIEW school_progress AS
SELECT p.*,
       coalesce(c.count_leaders_compared, 0) AS count_leaders_compared,
       c.previous_mean_others_score, c.current_mean_others_score
FROM priority_schools p
LEFT JOIN (SELECT academic_year, school_urn, behaviour_code,
                  CAST(count(*) AS INT) AS count_leaders_compared,
                  avg(previous_score) AS previous_mean_others_score,
                  avg(current_score) AS current_mean_others_score
           FROM compared_leaders
           GROUP BY academic_year, school_urn, behaviour_code) c
  ON c.academic_year = p.academic_year AND c.school_urn = p.school_urn AND c.behaviour_code = p.behaviour_code;

-- The school's cycles started in the year, abandoned ones included since their focus was chosen.
CREATE OR REPLACE TEMPORARY VIEW year_cycles AS
SELECT cycle.cycle_key, cycle.leader_key, cycle.school_urn, cycle.academic_year,
       exists(focus_codes, code -> array_contains(priority_codes, code)) AS is_aligned, focus_codes
FROM silver_development_cycles cycle
JOIN (SELECT cycle_key, collect_list(behaviour_code) AS focus_codes FROM silver_cycle_focus GROUP BY cycle_key) focus
  ON focus.cycle_key = cycle.cycle_key
JOIN (SELECT academic_year, collect_list(behaviour_code) AS priority_codes
      FROM silver_trust_priorities GROUP BY academic_year) priorities
  ON priorities.academic_year = cycle.academic_year
WHERE NOT cycle.is_deleted;

CREATE OR REPLACE TEMPORARY VIEW school_alignment AS
SELECT p.academic_year, p.school_urn, p.behaviour_code,
       CAST(count(c.cycle_key) AS INT) AS count_cycles,
       CAST(count(DISTINCT c.leader_key) AS INT) AS count_cycle_leaders,
       avg(CASE WHEN c.cycle_key IS NULL THEN NULL WHEN c.is_aligned THEN 1D ELSE 0D END) AS share_cycles_aligned,
       avg(CASE WHEN c.cycle_key IS NULL THEN NULL
                WHEN array_contains(c.focus_codes, p.behaviour_code) THEN 1D ELSE 0D END)
           AS share_cycles_on_behaviour
FROM priority_schools p
LEFT JOIN year_cycles c ON c.academic_year = p.academic_year AND c.school_urn = p.school_urn
GROUP BY p.academic_year, p.school_urn, p.behaviour_code;

-- Each part is suppressed on its own count; when exactly one school of a year and behaviour is
-- hidden, the smallest shown school with a count above zero goes too.
CREATE OR REPLACE TEMPORARY VIEW progress_suppression AS
SELECT p.*, a.count_cycles, a.share_cycles_aligned, a.share_cycles_on_behaviour,
       CASE WHEN progress_small THEN 'fewer_than_min_group_size'
            WHEN progress_hidden = 1 AND progress_rank = 1
                 AND count_leaders_compared >= ${min_group_size} THEN 'secondary_suppression'
       END AS suppression_reason,
       CASE WHEN alignment_small THEN 'fewer_than_min_group_size'
            WHEN alignment_hidden = 1 AND alignment_rank = 1
                 AND count_cycle_leaders >= ${min_group_size} THEN 'secondary_suppression'
       END AS alignment_suppression_reason
FROM (SELECT *,
             count_leaders_compared BETWEEN 1 AND ${min_group_size} - 1 AS progress_small,
             count(CASE WHEN count_leaders_compared BETWEEN 1 AND ${min_group_size} - 1 THEN 1 END)
                 OVER (PARTITION BY academic_year, behaviour_code) AS progress_hidden,
             row_number() OVER (PARTITION BY academic_year, behaviour_code,
                                             count_leaders_compared >= ${min_group_size}
                                ORDER BY count_leaders_compared, school_urn) AS progress_rank
      FROM school_progress) p
JOIN (SELECT *,
             count_cycle_leaders BETWEEN 1 AND ${min_group_size} - 1 AS alignment_small,
             count(CASE WHEN count_cycle_leaders BETWEEN 1 AND ${min_group_size} - 1 THEN 1 END)
                 OVER (PARTITION BY academic_year, behaviour_code) AS alignment_hidden,
             row_number() OVER (PARTITION BY academic_year, behaviour_code,
                                             count_cycle_leaders >= ${min_group_size}
                                ORDER BY count_cycle_leaders, school_urn) AS alignment_rank
      FROM school_alignment) a
  ON a.academic_year = p.academic_year AND a.school_urn = p.school_urn AND a.behaviour_code = p.behaviour_code;

SELECT s.academic_year, s.school_urn, s.school_name, s.phase, s.behaviour_code, behaviour.behaviour_name,
       s.priority_rank, s.has_previous_year,
       CASE WHEN s.suppression_reason IS NULL THEN s.count_leaders_compared END AS count_leaders_compared,
       CASE WHEN s.suppression_reason IS NULL THEN s.previous_mean_others_score END
           AS previous_mean_others_score,
       CASE WHEN s.suppression_reason IS NULL THEN s.current_mean_others_score END AS current_mean_others_score,
       CASE WHEN s.suppression_reason IS NULL
            THEN s.current_mean_others_score - s.previous_mean_others_score END AS mean_change,
       trust.trust_mean_change,
       s.suppression_reason IS NOT NULL AS is_suppressed,
       s.suppression_reason,
       CASE WHEN s.alignment_suppression_reason IS NULL THEN s.count_cycles END AS count_cycles,
       CASE WHEN s.alignment_suppression_reason IS NULL THEN s.share_cycles_aligned END AS share_cycles_aligned,
       CASE WHEN s.alignment_suppression_reason IS NULL THEN s.share_cycles_on_behaviour END
           AS share_cycles_on_behaviour,
       s.alignment_suppression_reason IS NOT NULL AS is_alignment_suppressed,
       s.alignment_suppression_reason
FROM progress_suppression s
JOIN silver_behaviour behaviour ON behaviour.behaviour_code = s.behaviour_code
LEFT JOIN trust_progress trust ON trust.academic_year = s.academic_year AND trust.behaviour_code = s.behaviour_code
