-- gold.succession_bench_trust, after succession_bench.sql (its views) with gold_succession_bench
-- and gold_succession_readiness read back. Parameters: min_group_size.
CREATE OR REPLACE TEMPORARY VIEW level_phases AS
SELECT DISTINCT schools.academic_year, roles.role_level, schools.phase
FROM bench_schools schools CROSS JOIN critical_roles roles
UNION
SELECT DISTINCT schools.academic_year, roles.role_level, 'all'
FROM bench_schools schools CROSS JOIN critical_roles roles;

CREATE OR REPLACE TEMPORARY VIEW level_roles AS
SELECT lp.academic_year, lp.role_level, lp.phase,
       CAST(count(DISTINCT bench.school_urn) AS INT) AS count_schools,
       CAST(count(bench.critical_role) AS INT) AS count_critical_roles,
       CAST(coalesce(sum(bench.count_roles_covered), 0) AS INT) AS count_roles_covered
FROM level_phases lp
LEFT JOIN gold_succession_bench bench
  ON bench.academic_year = lp.academic_year AND bench.role_level = lp.role_level
 AND (lp.phase = 'all' OR bench.phase = lp.phase)
GROUP BY lp.academic_year, lp.role_level, lp.phase;

CREATE OR REPLACE TEMPORARY VIEW incumbent_counts AS
SELECT lp.academic_year, lp.role_level, lp.phase, CAST(count(DISTINCT i.leader_key) AS INT) AS count_incumbents
FROM level_phases lp
LEFT JOIN (SELECT i.academic_year, i.leader_key, r.role_level, s.phase
           FROM role_incumbents i
           JOIN critical_roles r ON r.critical_role = i.critical_role
           JOIN bench_schools s ON s.academic_year = i.academic_year AND s.school_urn = i.school_urn) i
  ON i.academic_year = lp.academic_year AND i.role_level = lp.role_level AND (lp.phase = 'all' OR i.phase = lp.phase)
GROUP BY lp.academic_year, lp.role_level, lp.phase;

CREATE OR REPLACE TEMPORARY VIEW successor_level_counts AS
SELECT lp.academic_year, lp.role_level, lp.phase,
       CAST(count(DISTINCT CASE WHEN r.readiness_band = 'ready_now' THEN r.leader_key END) AS INT) AS count_ready_now,
       CAST(count(DISTINCT CASE WHEN r.readiness_band = 'ready_1_2_years' THEN r.leader_key END) AS INT)
           AS count_ready_1_2_years
FROM level_phases lp
LEFT JOIN gold_succession_readiness r
  ON r.academic_year = lp.academic_year AND r.next_role_level = lp.role_level
 AND (lp.phase = 'all' OR r.phase = lp.phase)
GROUP BY lp.academic_year, lp.role_level, lp.phase;

CREATE OR REPLACE TEMPORARY VIEW trust_bench_suppression AS
SELECT roles.*, incumbents.count_incumbents, successors.count_ready_now, successors.count_ready_1_2_years
FROM level_roles roles
JOIN incumbent_counts incumbents
  ON incumbents.academic_year = roles.academic_year AND incumbents.role_level = roles.role_level
 AND incumbents.phase = roles.phase
JOIN successor_level_counts successors
  ON successors.academic_year = roles.academic_year AND successors.role_level = roles.role_level
 AND successors.phase = roles.phase;

-- Counts of 1 to min_group_size - 1 people are hidden; when exactly one phase's count is hidden
-- and the "all" row's shows, the smallest other non-zero phase count goes too, column by column.
SELECT academic_year, role_level, phase, count_schools, count_critical_roles, count_roles_covered,
       count_critical_roles - count_roles_covered AS count_roles_at_risk,
       CASE WHEN count_critical_roles > 0 THEN count_roles_covered / count_critical_roles END AS share_roles_covered,
       CASE WHEN reason_incumbents IS NULL THEN count_incumbents END AS count_incumbents,
       CASE WHEN reason_ready_now IS NULL THEN count_ready_now END AS count_ready_now,
       CASE WHEN reason_ready_1_2_years IS NULL THEN count_ready_1_2_years END AS count_ready_1_2_years,
       coalesce(reason_incumbents, reason_ready_now, reason_ready_1_2_years) IS NOT NULL AS is_suppressed,
       CASE WHEN array_contains(array(reason_incumbents, reason_ready_now, reason_ready_1_2_years),
                                'fewer_than_min_group_size') THEN 'fewer_than_min_group_size'
            ELSE coalesce(reason_incumbents, reason_ready_now, reason_ready_1_2_years) END AS suppression_reason
FROM (SELECT *,
       CASE WHEN small_incumbents THEN 'fewer_than_min_group_size'
            WHEN phase <> 'all' AND count_incumbents > 0
                 AND count(CASE WHEN phase <> 'all' AND small_incumbents THEN 1 END) OVER year_level = 1
                 AND max(CASE WHEN phase = 'all' AND NOT small_incumbents THEN 1 END) OVER year_level = 1
                 AND row_number() OVER year_level_incumbents = 1
            THEN 'secondary_suppression' END AS reason_incumbents,
       CASE WHEN small_ready_now THEN 'fewer_than_min_group_size'
            WHEN phase <> 'all' AND count_ready_now > 0
                 AND count(CASE WHEN phase <> 'all' AND small_ready_now THEN 1 END) OVER year_level = 1
                 AND max(CASE WHEN phase = 'all' AND NOT small_ready_now THEN 1 END) OVER year_level = 1
                 AND row_number() OVER year_level_ready_now = 1
            THEN 'secondary_suppression' END AS reason_ready_now,
       CASE WHEN small_ready_1_2_years THEN 'fewer_than_min_group_size'
            WHEN phase <> 'all' AND count_ready_1_2_years > 0
                 AND count(CASE WHEN phase <> 'all' AND small_ready_1_2_years THEN 1 END) OVER year_level = 1
                 AND max(CASE WHEN phase = 'all' AND NOT small_ready_1_2_years THEN 1 END) OVER year_level = 1
                 AND row_number() OVER year_level_ready_1_2_years = 1
            THEN 'secondary_suppression' END AS reason_ready_1_2_years
      FROM (SELECT *,
             count_incumbents BETWEEN 1 AND ${min_group_size} - 1 AS small_incumbents,
             count_ready_now BETWEEN 1 AND ${min_group_size} - 1 AS small_ready_now,
             count_ready_1_2_years BETWEEN 1 AND ${min_group_size} - 1 AS small_ready_1_2_years
            FROM trust_bench_suppression)
      WINDOW year_level AS (PARTITION BY academic_year, role_level),
       year_level_incumbents AS (PARTITION BY academic_year, role_level,
               phase = 'all' OR count_incumbents < ${min_group_size}
           ORDER BY count_incumbents, phase),
       year_level_ready_now AS (PARTITION BY academic_year, role_level,
               phase = 'all' OR count_ready_now < ${min_group_size}
           ORDER BY count_ready_now, phase),
       year_level_ready_1_2_years AS (PARTITION BY academic_year, role_level,
               phase = 'all' OR count_ready_1_2_years < ${min_group_size}
           ORDER BY count_ready_1_2_years, phase))
