-- gold.trust_behaviour_trends, after counted_leaders.sql. Parameters: min_group_size,
-- agreement_margin.

-- Each counted leader's figures per behaviour, and per domain as the mean over the domain's
-- behaviours they have others scores in; an over- or under-estimator on a domain row by the
-- mean gap.
CREATE OR REPLACE TEMPORARY VIEW leader_behaviour_values AS
SELECT academic_year, leader_key, school_urn, role_level, domain_code, behaviour_code,
       others_score, self_score, gap, agreement_category
FROM counted_leaders;

CREATE OR REPLACE TEMPORARY VIEW leader_domain_values AS
SELECT academic_year, leader_key, max_by(school_urn, sitting_date) AS school_urn,
       max_by(role_level, sitting_date) AS role_level, domain_code, 'all' AS behaviour_code,
       avg(others_score) AS others_score, avg(self_score) AS self_score, avg(gap) AS gap,
       CASE WHEN avg(gap) > ${agreement_margin} THEN 'over_estimator'
            WHEN avg(gap) < -${agreement_margin} THEN 'under_estimator' END AS agreement_category
FROM counted_leaders
GROUP BY academic_year, leader_key, domain_code;

CREATE OR REPLACE TEMPORARY VIEW leader_values AS
SELECT * FROM leader_behaviour_values
UNION ALL
SELECT * FROM leader_domain_values;

-- Every leader under "all", and under their role level when it is known.
CREATE OR REPLACE TEMPORARY VIEW leader_values_by_level AS
SELECT academic_year, leader_key, school_urn, 'all' AS role_level, domain_code, behaviour_code,
       others_score, self_score, gap, agreement_category
FROM leader_values
UNION ALL
SELECT academic_year, leader_key, school_urn, role_level, domain_code, behaviour_code,
       others_score, self_score, gap, agreement_category
FROM leader_values
WHERE role_level IS NOT NULL;

-- The same leader's others score in the same row the previous year, at any school of the trust.
CREATE OR REPLACE TEMPORARY VIEW same_leader_changes AS
SELECT now.academic_year, now.role_level, now.domain_code, now.behaviour_code,
       CAST(count(*) AS INT) AS count_leaders_both_years,
       avg(now.others_score - before.others_score) AS mean_change
FROM leader_values_by_level now
JOIN leader_values_by_level before
  ON before.leader_key = now.leader_key AND before.role_level = now.role_level
 AND before.domain_code = now.domain_code
 AND before.behaviour_code = now.behaviour_code
 AND before.academic_year = concat(CAST(CAST(substr(now.academic_year, 1, 4) AS INT) - 1 AS STRING), '/',
                                   substr(now.academic_year, 3, 2))
GROUP BY now.academic_year, now.role_level, now.domain_code, now.behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW trend_figures AS
SELECT academic_year, role_level, domain_code, behaviour_code,
       CAST(count(DISTINCT school_urn) AS INT) AS count_schools,
       CAST(count(*) AS INT) AS count_leaders,
       avg(self_score) AS mean_self_score,
       avg(others_score) AS mean_others_score,
       stddev_samp(others_score) AS sd_others_score,
       avg(gap) AS mean_gap,
       avg(CASE WHEN agreement_category = 'over_estimator' THEN 1D ELSE 0D END) AS share_over_estimators,
       avg(CASE WHEN agreement_category = 'under_estimator' THEN 1D ELSE 0D END) AS share_under_estimators
FROM leader_values_by_level
GROUP BY academic_year, role_level, domain_code, behaviour_code;

-- When exactly one role level of a row group is hidden and "all" is shown, the smallest shown
-- level goes too.
CREATE OR REPLACE TEMPORARY VIEW trend_suppression AS
SELECT *,
       CASE WHEN count_leaders < ${min_group_size} THEN 'fewer_than_min_group_size'
            WHEN role_level <> 'all' AND count_hidden_levels = 1 AND smallest_shown = 1
                 THEN 'secondary_suppression'
       END AS suppression_reason
FROM (SELECT *,
             count(CASE WHEN role_level <> 'all' AND count_leaders < ${min_group_size} THEN 1 END)
                 OVER (PARTITION BY academic_year, domain_code, behaviour_code) AS count_hidden_levels,
             row_number() OVER (PARTITION BY academic_year, domain_code, behaviour_code,
                                             role_level = 'all' OR count_leaders < ${min_group_size}
                                ORDER BY count_leaders, role_level) AS smallest_shown
      FROM trend_figures);

SELECT t.academic_year, t.role_level, t.domain_code, domain.domain_name, t.behaviour_code,
       behaviour.behaviour_name, t.count_schools,
       CASE WHEN shown THEN t.count_leaders END AS count_leaders,
       CASE WHEN shown THEN t.mean_self_score END AS mean_self_score,
       CASE WHEN shown THEN t.mean_others_score END AS mean_others_score,
       CASE WHEN shown THEN t.sd_others_score END AS sd_others_score,
       CASE WHEN shown THEN t.mean_gap END AS mean_gap,
       CASE WHEN shown THEN t.share_over_estimators END AS share_over_estimators,
       CASE WHEN shown THEN t.share_under_estimators END AS share_under_estimators,
       CASE WHEN shown AND change.count_leaders_both_years >= ${min_group_size}
            THEN change.count_leaders_both_years END AS count_leaders_both_years,
       CASE WHEN shown AND change.count_leaders_both_years >= ${min_group_size}
            THEN change.mean_change END AS mean_change_same_leaders,
       NOT shown AS is_suppressed,
       t.suppression_reason
FROM (SELECT *, suppression_reason IS NULL AS shown FROM trend_suppression) t
JOIN (SELECT DISTINCT domain_code, domain_name FROM silver_behaviour) domain ON domain.domain_code = t.domain_code
LEFT JOIN silver_behaviour behaviour ON behaviour.behaviour_code = t.behaviour_code
LEFT JOIN same_leader_changes change
  ON change.academic_year = t.academic_year AND change.role_level = t.role_level
 AND change.domain_code = t.domain_code AND change.behaviour_code = t.behaviour_code
