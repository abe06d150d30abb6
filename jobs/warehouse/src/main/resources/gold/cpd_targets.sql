-- gold.cpd_targets, after counted_leaders.sql. Parameters: min_group_size, need_margin,
-- target_share, role_levels.
CREATE OR REPLACE TEMPORARY VIEW cpd_benchmarks AS
SELECT academic_year, behaviour_code,
       CASE WHEN count(*) >= ${min_group_size} THEN avg(others_score) END AS trust_benchmark
FROM counted_leaders
GROUP BY academic_year, behaviour_code;

-- A leader is in need more than need_margin below the benchmark; the shortfall is how far below.
-- A leader with no role spell on the sitting date has no level to count at and is left out.
CREATE OR REPLACE TEMPORARY VIEW cpd_leaders AS
SELECT counted.academic_year, counted.school_urn, counted.role_level, counted.behaviour_code,
       bench.trust_benchmark,
       CASE WHEN counted.others_score < bench.trust_benchmark - ${need_margin}
            THEN bench.trust_benchmark - counted.others_score END AS shortfall
FROM counted_leaders counted
JOIN cpd_benchmarks bench
  ON bench.academic_year = counted.academic_year AND bench.behaviour_code = counted.behaviour_code
WHERE counted.role_level IS NOT NULL;

CREATE OR REPLACE TEMPORARY VIEW cpd_figures AS
SELECT academic_year, school_urn, role_level, behaviour_code,
       first(trust_benchmark) AS trust_benchmark,
       CAST(count(*) AS INT) AS count_leaders,
       CAST(count(shortfall) AS INT) AS count_leaders_in_need,
       count(shortfall) / count(*) AS share_leaders_in_need,
       avg(shortfall) AS mean_shortfall,
       coalesce(sum(shortfall), 0D) AS total_shortfall
FROM cpd_leaders
GROUP BY academic_year, school_urn, role_level, behaviour_code;

-- Primary suppression below min_group_size; the school's total is shown elsewhere, so when
-- exactly one role level of a school, year and behaviour is hidden, the smallest shown level
-- goes too (the lower level first on a tie).
CREATE OR REPLACE TEMPORARY VIEW cpd_suppression AS
SELECT *,
       CASE WHEN count_leaders < ${min_group_size} THEN 'fewer_than_min_group_size'
            WHEN count_hidden = 1 AND smallest_shown = 1 THEN 'secondary_suppression'
       END AS suppression_reason
FROM (SELECT *,
             count(CASE WHEN count_leaders < ${min_group_size} THEN 1 END)
                 OVER (PARTITION BY academic_year, school_urn, behaviour_code) AS count_hidden,
             row_number() OVER (PARTITION BY academic_year, school_urn, behaviour_code,
                                             count_leaders < ${min_group_size}
                                ORDER BY count_leaders, array_position(${role_levels}, role_level)) AS smallest_shown
      FROM cpd_figures);

SELECT f.academic_year, f.school_urn, school.school_name, school.phase, school.region, f.role_level,
       f.behaviour_code, behaviour.behaviour_name, behaviour.domain_code,
       priority.behaviour_code IS NOT NULL AS is_priority,
       f.trust_benchmark,
       CASE WHEN shown THEN f.count_leaders END AS count_leaders,
       CASE WHEN shown THEN f.count_leaders_in_need END AS count_leaders_in_need,
       CASE WHEN shown THEN f.share_leaders_in_need END AS share_leaders_in_need,
       CASE WHEN shown THEN f.mean_shortfall END AS mean_shortfall,
       CASE WHEN shown THEN f.total_shortfall END AS total_shortfall,
       CASE WHEN shown THEN f.share_leaders_in_need >= ${target_share} END AS is_target,
       NOT shown AS is_suppressed,
       f.suppression_reason
FROM (SELECT *, suppression_reason IS NULL AS shown FROM cpd_suppression) f
JOIN silver_school school ON school.school_urn = f.school_urn
JOIN silver_behaviour behaviour ON behaviour.behaviour_code = f.behaviour_code
LEFT JOIN silver_trust_priorities priority
  ON priority.academic_year = f.academic_year AND priority.behaviour_code = f.behaviour_code
