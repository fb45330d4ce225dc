//! CoreNLP-shaped trees from raw text for the constructions the coder relies on.

use annalist_text::{SentenceAnalysis, analyze};

fn tree(text: &str) -> String {
    let analyses: Vec<SentenceAnalysis<'_>> = analyze(text);
    assert_eq!(analyses.len(), 1, "{text}");
    analyses[0].tree.to_bracketed()
}

#[test]
fn passive_with_negation() {
    assert_eq!(
        tree("The embassy was not attacked by protesters."),
        "(ROOT (S (NP (DT The) (NN embassy)) (VP (VBD was) (RB not) (VP (VBN attacked) (PP (IN by) (NP (NNS protesters))))) (. .)))"
    );
}

#[test]
fn modal_with_negation() {
    assert_eq!(
        tree("Arnor will not restore ties with Gondor."),
        "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (RB not) (VP (VB restore) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))) (. .)))"
    );
}

#[test]
fn to_infinitive() {
    assert_eq!(
        tree("Rebels plan to seize the town."),
        "(ROOT (S (NP (NNS Rebels)) (VP (VBP plan) (S (VP (TO to) (VP (VB seize) (NP (DT the) (NN town)))))) (. .)))"
    );
}

#[test]
fn said_that_clause() {
    assert_eq!(
        tree("The minister said that the talks had failed."),
        "(ROOT (S (NP (DT The) (NN minister)) (VP (VBD said) (SBAR (IN that) (S (NP (DT the) (NNS talks)) (VP (VBD had) (VP (VBN failed)))))) (. .)))"
    );
}

#[test]
fn said_bare_clause() {
    assert_eq!(
        tree("The minister said the talks would resume next week."),
        "(ROOT (S (NP (DT The) (NN minister)) (VP (VBD said) (SBAR (S (NP (DT the) (NNS talks)) (VP (MD would) (VP (VB resume) (NP (JJ next) (NN week))))))) (. .)))"
    );
}

#[test]
fn relative_clause() {
    assert_eq!(
        tree("The soldiers who attacked the village fled."),
        "(ROOT (S (NP (NP (DT The) (NNS soldiers)) (SBAR (WHNP (WP who)) (S (VP (VBD attacked) (NP (DT the) (NN village)))))) (VP (VBD fled)) (. .)))"
    );
}

#[test]
fn according_to_first() {
    assert_eq!(
        tree("According to the ministry, rebels attacked the base."),
        "(ROOT (S (PP (VBG According) (PP (TO to) (NP (DT the) (NN ministry)))) (, ,) (NP (NNS rebels)) (VP (VBD attacked) (NP (DT the) (NN base))) (. .)))"
    );
}

#[test]
fn according_to_last() {
    assert_eq!(
        tree("Rebels attacked the base, according to the ministry."),
        "(ROOT (S (NP (NNS Rebels)) (VP (VBD attacked) (NP (DT the) (NN base))) (, ,) (PP (VBG according) (PP (TO to) (NP (DT the) (NN ministry)))) (. .)))"
    );
}

#[test]
fn np_coordination() {
    assert_eq!(
        tree("Arnor and Gondor signed a treaty."),
        "(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Gondor))) (VP (VBD signed) (NP (DT a) (NN treaty))) (. .)))"
    );
}

#[test]
fn clause_coordination() {
    assert_eq!(
        tree("Arnor attacked Gondor and Mordor condemned the attack."),
        "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))) (CC and) (S (NP (NNP Mordor)) (VP (VBD condemned) (NP (DT the) (NN attack)))) (. .)))"
    );
}

#[test]
fn apposition_title_and_name() {
    assert_eq!(
        tree("John Kerry, the US secretary of state, met Sergei Lavrov in Geneva."),
        "(ROOT (S (NP (NP (NNP John) (NNP Kerry)) (, ,) (NP (NP (DT the) (NNP US) (NN secretary)) (PP (IN of) (NP (NN state)))) (, ,)) (VP (VBD met) (NP (NNP Sergei) (NNP Lavrov)) (PP (IN in) (NP (NNP Geneva)))) (. .)))"
    );
}

#[test]
fn phrasal_verb() {
    assert_eq!(
        tree("Police broke up the protest."),
        "(ROOT (S (NP (NNS Police)) (VP (VBD broke) (PRT (RP up)) (NP (DT the) (NN protest))) (. .)))"
    );
}

#[test]
fn possessive_inside_pp() {
    assert_eq!(
        tree("The president of Iraq's Kurdish region visited Ankara."),
        "(ROOT (S (NP (NP (DT The) (NN president)) (PP (IN of) (NP (NP (NNP Iraq) (POS 's)) (JJ Kurdish) (NN region)))) (VP (VBD visited) (NP (NNP Ankara))) (. .)))"
    );
}

#[test]
fn subordinate_clause() {
    assert_eq!(
        tree("Protesters attacked the embassy after police fired on the crowd."),
        "(ROOT (S (NP (NNS Protesters)) (VP (VBD attacked) (NP (DT the) (NN embassy)) (SBAR (IN after) (S (NP (NNS police)) (VP (VBD fired) (PP (IN on) (NP (DT the) (NN crowd))))))) (. .)))"
    );
}

#[test]
fn reporting_clause_with_participle() {
    assert_eq!(
        tree("Gondor's army shelled the town on Monday, killing 12 civilians, officials said."),
        "(ROOT (S (S (NP (NP (NNP Gondor) (POS 's)) (NN army)) (VP (VBD shelled) (NP (DT the) (NN town)) (PP (IN on) (NP (NNP Monday))) (, ,) (S (VP (VBG killing) (NP (CD 12) (NNS civilians)))))) (, ,) (NP (NNS officials)) (VP (VBD said)) (. .)))"
    );
}

#[test]
fn contracted_negation() {
    assert_eq!(
        tree("Russia didn't veto the resolution."),
        "(ROOT (S (NP (NNP Russia)) (VP (VBD did) (RB n't) (VP (VB veto) (NP (DT the) (NN resolution)))) (. .)))"
    );
}
