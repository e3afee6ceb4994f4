package events

// BCubed scores a clustering against gold labels (Bagga & Baldwin 1998):
// for each item, precision is the share of its predicted cluster that has
// its gold label, recall the share of its gold cluster that was predicted
// with it; both are averaged over items. gold and pred map item → label;
// items absent from pred count as singletons.
func BCubed(gold, pred map[string]string) (precision, recall, f1 float64) {
	if len(gold) == 0 {
		return 0, 0, 0
	}
	predOf := func(id string) string {
		if p, ok := pred[id]; ok {
			return "p:" + p
		}
		return "single:" + id
	}
	type pair struct{ g, p string }
	nGold, nPred, nBoth := map[string]int{}, map[string]int{}, map[pair]int{}
	for id, g := range gold {
		p := predOf(id)
		nGold[g]++
		nPred[p]++
		nBoth[pair{g, p}]++
	}
	for id, g := range gold {
		p := predOf(id)
		both := float64(nBoth[pair{g, p}])
		precision += both / float64(nPred[p])
		recall += both / float64(nGold[g])
	}
	n := float64(len(gold))
	precision, recall = precision/n, recall/n
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}
