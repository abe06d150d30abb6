-- gold.school_behaviour_summary, after counted_leaders.sql. Parameters: min_group_size,
-- benchmark_margin, blind_spot_share, hidden_strength_share.
CREATE OR REPLACE TEMPORARY VIEW school_figures AS
SELECT academic_year, school_urn, behaviour_code,
       CAST(count(*) AS INT) AS count_leaders,
       avg(others_score) AS mean_others_score,
       stddev_samp(others_score) AS sd_others_score,
       avg(self_score) AS mean_self_score,
       avg(gap) AS mean_gap,
       avg(CASE WHEN agreement_category = 'over_estimator' THEN 1D ELSE 0D END) AS share_over_estimators,
       avg(CASE WHEN agreement_category = 'under_estimator' THEN 1D ELSE 0D END) AS share_under_estimators
FROM counted_leaders
GROUP BY academic_year, school_urn, behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW trust_figures AS
SELECT academic_year, behaviour_code,
       CASE WHEN count(*) >= ${min_group_size} THEN avg(others_score) END AS trust_benchmark
FROM counted_leaders
GROUP BY academic_year, behaviour_code;

-- Primary suppression below min_group_size; when exactly one school of a year and behaviour is
-- hidden, the smallest shown school goes too, as the trust figures would reveal it.
CREATE OR REPLACE TEMPORARY VIEW school_suppression AS
SELECT *,
       CASE WHEN count_leaders < ${min_group_size} THEN 'fewer_than_min_group_size'
            WHEN count_hidden = 1 AND smallest_shown = 1 THEN 'secondary_suppression'
       END AS suppression_reason
FROM (SELECT *,
             count(CASE WHEN count_leaders < ${min_group_size} THEN 1 END)
                 OVER (PARTITION BY academic_year, behaviour_code) AS count_hidden,
             row_number() OVER (PARTITION BY academic_year, behaviour_code, count_leaders < ${min_group_size}
                                ORDER BY count_leaders, school_urn) AS smallest_shown
      FROM school_figures);

SELECT f.academic_year, f.school_urn, school.school_name, school.phase, f.behaviour_code,
       behaviour.behaviour_name, behaviour.domain_code,
       CASE WHEN shown THEN f.count_leaders END AS count_leaders,
       CASE WHEN shown THEN f.mean_others_score END AS mean_others_score,
       CASE WHEN shown THEN f.sd_others_score END AS sd_others_score,
       CASE WHEN shown THEN f.mean_self_score END AS mean_self_score,
       CASE WHEN shown THEN f.mean_gap END AS mean_gap,
       trust.trust_benchmark,
       CASE WHEN shown THEN f.mean_others_score - trust.trust_benchmark END AS benchmark_difference,
       CASE WHEN shown THEN f.share_over_estimators END AS share_over_estimators,
       CASE WHEN shown THEN f.share_under_estimators END AS share_under_estimators,
       CASE WHEN shown THEN f.mean_others_score - trust.trust_benchmark >= ${benchmark_margin} END AS is_strength,
       CASE WHEN shown THEN f.share_over_estimators >= ${blind_spot_share} END AS is_blind_spot,
       CASE WHEN shown THEN f.share_under_estimators >= ${hidden_strength_share} END AS is_hidden_strength,
       NOT shown AS is_suppressed,
       f.suppression_reason
FROM (SELECT *, suppression_reason IS NULL AS shown FROM school_suppression) f
JOIN silver_school school ON school.school_urn = f.school_urn
JOIN silver_behaviour behaviour ON behaviour.behaviour_code = f.behaviour_code
JOIN trust_figures trust ON trust.academic_year = f.academic_year AND trust.behaviour_code = f.behaviour_code
