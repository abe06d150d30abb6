-- gold.cpd_clusters from gold.cpd_targets. Parameters: min_group_size, cluster_min_schools,
-- role_levels. Only shown targets join a cluster, so no suppressed figure enters one.
CREATE OR REPLACE TEMPORARY VIEW cpd_cluster_figures AS
SELECT target.academic_year, target.behaviour_code, target.role_level,
       first(target.behaviour_name) AS behaviour_name, first(target.domain_code) AS domain_code,
       bool_or(target.is_priority) AS is_priority,
       CAST(count(*) AS INT) AS count_schools,
       array_join(transform(array_sort(collect_list(target.school_urn)), urn -> CAST(urn AS STRING)), '|') AS school_urns,
       array_join(array_sort(collect_set(target.region)), '|') AS regions,
       CAST(sum(target.count_leaders) AS INT) AS count_leaders,
       CAST(sum(target.count_leaders_in_need) AS INT) AS count_leaders_in_need,
       sum(target.total_shortfall) AS total_shortfall
FROM gold_cpd_targets target
WHERE target.is_target
GROUP BY target.academic_year, target.behaviour_code, target.role_level
HAVING count(*) >= ${cluster_min_schools};

SELECT concat_ws('|', f.academic_year, f.behaviour_code, f.role_level) AS cluster_key,
       f.academic_year, f.behaviour_code, f.behaviour_name, f.domain_code, f.role_level, f.is_priority,
       f.count_schools, f.school_urns, f.regions,
       CASE WHEN shown THEN f.count_leaders END AS count_leaders,
       CASE WHEN shown THEN f.count_leaders_in_need END AS count_leaders_in_need,
       CASE WHEN shown THEN f.count_leaders_in_need / f.count_leaders END AS share_leaders_in_need,
       CASE WHEN shown THEN f.total_shortfall END AS total_shortfall,
       CAST(row_number() OVER (PARTITION BY f.academic_year
                               ORDER BY f.total_shortfall DESC, behaviour.display_order,
                                        array_position(${role_levels}, f.role_level)) AS INT) AS cluster_rank,
       NOT shown AS is_suppressed,
       CASE WHEN NOT shown THEN 'fewer_than_min_group_size' END AS suppression_reason
FROM (SELECT *, count_leaders >= ${min_group_size} AS shown FROM cpd_cluster_figures) f
JOIN silver_behaviour behaviour ON behaviour.behaviour_code = f.behaviour_code
