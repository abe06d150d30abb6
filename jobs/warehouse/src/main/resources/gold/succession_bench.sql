-- gold.succession_bench, after succession_readiness.sql has been written (read back as
-- gold_succession_readiness). Parameters: as_of_date, min_group_size. Configuration views:
-- critical_roles (critical_role, role_level, role_titles), role_ladder.
CREATE OR REPLACE TEMPORARY VIEW bench_days AS
SELECT academic_year, least(year_end, DATE '${as_of_date}') AS as_of_date
FROM academic_years
WHERE year_start <= DATE '${as_of_date}';

CREATE OR REPLACE TEMPORARY VIEW bench_schools AS
SELECT days.academic_year, days.as_of_date, school.school_urn, school.school_name, school.phase
FROM bench_days days
JOIN silver_school school
  ON school.joined_on <= days.as_of_date AND (school.left_on IS NULL OR school.left_on >= days.as_of_date);

-- Incumbents: leaders with an open spell in the role at the school on the day.
CREATE OR REPLACE TEMPORARY VIEW role_incumbents AS
SELECT schools.academic_year, schools.school_urn, roles.critical_role, spell.leader_key
FROM bench_schools schools
CROSS JOIN critical_roles roles
JOIN silver_leader spell
  ON spell.school_urn = schools.school_urn AND spell.role_level = roles.role_level
 AND (size(roles.role_titles) = 0 OR array_contains(roles.role_titles, spell.role_title))
 AND spell.valid_from <= schools.as_of_date AND (spell.valid_to IS NULL OR spell.valid_to >= schools.as_of_date);

-- Successors: leaders at the school whose next level is the role's, by band.
CREATE OR REPLACE TEMPORARY VIEW role_successors AS
SELECT readiness.academic_year, readiness.school_urn, roles.critical_role, readiness.leader_key,
       readiness.readiness_band
FROM gold_succession_readiness readiness
JOIN critical_roles roles ON roles.role_level = readiness.next_role_level
WHERE readiness.readiness_band IN ('ready_now', 'ready_1_2_years');

-- Role rows, then the "all" row counting each person once across the school's roles.
CREATE OR REPLACE TEMPORARY VIEW role_counts AS
SELECT academic_year, school_urn, critical_role, count(DISTINCT leader_key) AS count_incumbents
FROM role_incumbents GROUP BY academic_year, school_urn, critical_role;

CREATE OR REPLACE TEMPORARY VIEW successor_counts AS
SELECT academic_year, school_urn, critical_role,
       count(DISTINCT CASE WHEN readiness_band = 'ready_now' THEN leader_key END) AS count_ready_now,
       count(DISTINCT CASE WHEN readiness_band = 'ready_1_2_years' THEN leader_key END) AS count_ready_1_2_years
FROM role_successors GROUP BY academic_year, school_urn, critical_role;

CREATE OR REPLACE TEMPORARY VIEW bench_counts AS
SELECT schools.academic_year, schools.as_of_date, schools.school_urn, schools.school_name, schools.phase,
       roles.critical_role, roles.role_level, roles.role_order,
       CAST(coalesce(incumbents.count_incumbents, 0) AS INT) AS count_incumbents,
       CAST(coalesce(successors.count_ready_now, 0) AS INT) AS count_ready_now,
       CAST(coalesce(successors.count_ready_1_2_years, 0) AS INT) AS count_ready_1_2_years,
       1 AS count_critical_roles,
       CASE WHEN successors.count_ready_now > 0 THEN 1 ELSE 0 END AS count_roles_covered
FROM bench_schools schools
CROSS JOIN critical_roles roles
LEFT JOIN role_counts incumbents
  ON incumbents.academic_year = schools.academic_year AND incumbents.school_urn = schools.school_urn
 AND incumbents.critical_role = roles.critical_role
LEFT JOIN successor_counts successors
  ON successors.academic_year = schools.academic_year AND successors.school_urn = schools.school_urn
 AND successors.critical_role = roles.critical_role;

CREATE OR REPLACE TEMPORARY VIEW school_totals AS
SELECT schools.academic_year, schools.as_of_date, schools.school_urn, schools.school_name, schools.phase,
       'all' AS critical_role, CAST(NULL AS STRING) AS role_level, 0 AS role_order,
       CAST(coalesce(incumbents.count_incumbents, 0) AS INT) AS count_incumbents,
       CAST(coalesce(successors.count_ready_now, 0) AS INT) AS count_ready_now,
       CAST(coalesce(successors.count_ready_1_2_years, 0) AS INT) AS count_ready_1_2_years,
       CAST(roles.count_critical_roles AS INT) AS count_critical_roles,
       CAST(covered.count_roles_covered AS INT) AS count_roles_covered
FROM bench_schools schools
CROSS JOIN (SELECT count(*) AS count_critical_roles FROM critical_roles) roles
LEFT JOIN (SELECT academic_year, school_urn, count(DISTINCT leader_key) AS count_incumbents
           FROM role_incumbents GROUP BY academic_year, school_urn) incumbents
  ON incumbents.academic_year = schools.academic_year AND incumbents.school_urn = schools.school_urn
LEFT JOIN (SELECT academic_year, school_urn,
                  count(DISTINCT CASE WHEN readiness_band = 'ready_now' THEN leader_key END) AS count_ready_now,
                  count(DISTINCT CASE WHEN readiness_band = 'ready_1_2_years' THEN leader_key END)
                      AS count_ready_1_2_years
           FROM role_successors GROUP BY academic_year, school_urn) successors
  ON successors.academic_year = schools.academic_year AND successors.school_urn = schools.school_urn
JOIN (SELECT academic_year, school_urn, sum(count_roles_covered) AS count_roles_covered
      FROM bench_counts GROUP BY academic_year, school_urn) covered
  ON covered.academic_year = schools.academic_year AND covered.school_urn = schools.school_urn;

-- Counts of 1 to min_group_size - 1 people are hidden; when exactly one role's count is hidden
-- and the "all" row's shows, the smallest other non-zero role count goes too, column by column.
CREATE OR REPLACE TEMPORARY VIEW bench_suppression AS
SELECT *,
       CASE WHEN small_incumbents THEN 'fewer_than_min_group_size'
            WHEN critical_role <> 'all' AND count_incumbents > 0
                 AND count(CASE WHEN critical_role <> 'all' AND small_incumbents THEN 1 END) OVER school_year = 1
                 AND max(CASE WHEN critical_role = 'all' AND NOT small_incumbents THEN 1 END) OVER school_year = 1
                 AND row_number() OVER school_year_incumbents = 1
            THEN 'secondary_suppression' END AS reason_incumbents,
       CASE WHEN small_ready_now THEN 'fewer_than_min_group_size'
            WHEN critical_role <> 'all' AND count_ready_now > 0
                 AND count(CASE WHEN critical_role <> 'all' AND small_ready_now THEN 1 END) OVER school_year = 1
                 AND max(CASE WHEN critical_role = 'all' AND NOT small_ready_now THEN 1 END) OVER school_year = 1
                 AND row_number() OVER school_year_ready_now = 1
            THEN 'secondary_suppression' END AS reason_ready_now,
       CASE WHEN small_ready_1_2_years THEN 'fewer_than_min_group_size'
            WHEN critical_role <> 'all' AND count_ready_1_2_years > 0
                 AND count(CASE WHEN critical_role <> 'all' AND small_ready_1_2_years THEN 1 END) OVER school_year = 1
                 AND max(CASE WHEN critical_role = 'all' AND NOT small_ready_1_2_years THEN 1 END) OVER school_year = 1
                 AND row_number() OVER school_year_ready_1_2_years = 1
            THEN 'secondary_suppression' END AS reason_ready_1_2_years
FROM (SELECT *,
             count_incumbents BETWEEN 1 AND ${min_group_size} - 1 AS small_incumbents,
             count_ready_now BETWEEN 1 AND ${min_group_size} - 1 AS small_ready_now,
             count_ready_1_2_years BETWEEN 1 AND ${min_group_size} - 1 AS small_ready_1_2_years
      FROM (SELECT * FROM bench_counts UNION ALL SELECT * FROM school_totals))
WINDOW school_year AS (PARTITION BY academic_year, school_urn),
       school_year_incumbents AS (PARTITION BY academic_year, school_urn,
               critical_role = 'all' OR count_incumbents < ${min_group_size}
           ORDER BY count_incumbents, role_order),
       school_year_ready_now AS (PARTITION BY academic_year, school_urn,
               critical_role = 'all' OR count_ready_now < ${min_group_size}
           ORDER BY count_ready_now, role_order),
       school_year_ready_1_2_years AS (PARTITION BY academic_year, school_urn,
               critical_role = 'all' OR count_ready_1_2_years < ${min_group_size}
           ORDER BY count_ready_1_2_years, role_order);

SELECT academic_year, as_of_date, school_urn, school_name, phase, critical_role, role_level,
       CASE WHEN reason_incumbents IS NULL THEN count_incumbents END AS count_incumbents,
       CASE WHEN reason_ready_now IS NULL THEN count_ready_now END AS count_ready_now,
       CASE WHEN reason_ready_1_2_years IS NULL THEN count_ready_1_2_years END AS count_ready_1_2_years,
       count_critical_roles, count_roles_covered,
       count_roles_covered / count_critical_roles AS share_roles_covered,
       count_roles_covered < count_critical_roles AS is_at_risk,
       coalesce(reason_incumbents, reason_ready_now, reason_ready_1_2_years) IS NOT NULL AS is_suppressed,
       CASE WHEN array_contains(array(reason_incumbents, reason_ready_now, reason_ready_1_2_years),
                                'fewer_than_min_group_size') THEN 'fewer_than_min_group_size'
            ELSE coalesce(reason_incumbents, reason_ready_now, reason_ready_1_2_years) END AS suppression_reason
FROM bench_suppression
