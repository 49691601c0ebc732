//! The plan map and the core's decisions agree for every capability under every preset.

use proptest::prelude::*;
use strand_core::{Capability, Error, Policy, Rule, Tier};

use crate::support::Library;

fn tiers() -> impl Strategy<Value = Tier> {
    prop_oneof![
        Just(Tier::Free),
        Just(Tier::Trial),
        Just(Tier::Premium),
        Just(Tier::Lapsed)
    ]
}

fn policies() -> impl Strategy<Value = Policy> {
    proptest::sample::select(Policy::ALL.to_vec())
}

fn capabilities() -> impl Strategy<Value = Capability> {
    proptest::sample::select(Capability::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_plan_map_predicts_every_decision_of_the_gate(
        policy in policies(),
        tier in tiers(),
        capability in capabilities(),
        kept in 0u32..5,
    ) {
        let library = Library::new(true);
        library.strand.set_demo_tier(Some(Tier::Premium)).expect("tier");
        library.strand.set_demo_policy(Policy::AllFree).expect("policy");
        for index in 0..kept {
            let draft = library.draft(&format!("Kept {index}"), 1);
            library.strand.keep(draft.id).expect("keep while all free");
        }
        library.strand.set_demo_policy(policy).expect("policy");
        library.strand.set_demo_tier(Some(tier)).expect("tier");

        let row = library.strand.plan_map().into_iter().find(|row| row.capability == capability).expect("row");
        let decision = library.strand.require(capability);
        prop_assert_eq!(decision.is_ok(), row.rule.allows(tier, kept), "{:?} {:?} {:?} kept {}", policy, tier, capability, kept);
        if let Err(error) = decision {
            let refused_premium = matches!(error, Error::PremiumRequired { capability: refused } if refused == capability);
            prop_assert!(refused_premium, "refused with {}", error);
            prop_assert!(row.rule != Rule::Free);
        }
    }
}

#[test]
fn switching_presets_changes_the_plan_map_and_the_decision_together() {
    let library = Library::new(true);
    let draft = library.draft("Switch", 1);
    library
        .strand
        .set_demo_policy(Policy::EditIsPremium)
        .expect("policy");
    let keep_rule = |library: &Library| {
        library
            .strand
            .plan_map()
            .into_iter()
            .find(|row| row.capability == Capability::KeepBundle)
            .map(|row| row.rule)
    };
    assert_eq!(keep_rule(&library), Some(Rule::Free));
    library
        .strand
        .set_demo_policy(Policy::KeepIsPremium)
        .expect("policy");
    assert_eq!(keep_rule(&library), Some(Rule::Premium));
    assert!(library.strand.keep(draft.id).is_err());
    library
        .strand
        .set_demo_policy(Policy::EditIsPremium)
        .expect("policy");
    library.strand.keep(draft.id).expect("keeping is free now");
}
