package timex

import (
	"fmt"
	"testing"
	"dateline/model"
	"time"
)

func TestDebug(t *testing.T) {
	a := model.Date(2023, time.February, 25)
	for _, c := range []struct{ lang, s string }{
		{"nl", "Loekasjenko kwam zaterdag aan in Peking. Volgende week brengt hij een bezoek aan Moskou."},
		{"nl", "In september vorig jaar bezocht hij Peking. Het bezoek van 28 februari tot en met 2 maart is al drie jaar gepland."},
		{"en", "Lukashenko will pay a state visit to China from February 28 to March 2, the ministry said on Saturday."},
		{"en", "He met Xi on Feb. 28 and last Saturday at 3 p.m. Two weeks ago, nearly four years ago, for two weeks."},
		{"nl", "Diep in de nacht van dinsdag op woensdag vielen er raketten. Dinsdagavond om 15.00 uur sprak hij. Ruim negen maanden lang, elke week."},
		{"nl", "28 februari - 2 maart, op 2023-02-25, eergisteren, vandaag, vanavond, nu, onlangs, in 2020, in de jaren negentig, het derde kwartaal, deze zomer"},
		{"en", "the 1990s, the third quarter, this morning, tonight, yesterday, every Monday, recently, now, in 2020, last February, the weekend, next week"},
	} {
		fmt.Println(c.s)
		for _, x := range Extract(c.s, c.lang, a) {
			fmt.Printf("   %-35q %-8s %s %s %v\n", x.Text, x.Type, x.Value, x.EndValue, x.Anchored)
		}
	}
	for _, x := range Extract("Hij komt op 28 februari en zaterdag.", "nl", model.Time{}) {
		fmt.Printf("   %-35q %-8s %s %s %v\n", x.Text, x.Type, x.Value, x.EndValue, x.Anchored)
	}
}
