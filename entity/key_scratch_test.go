package entity

import (
	"fmt"
	"testing"
)

func TestScratchKeys(t *testing.T) {
	for _, c := range [][2]string{{"Aleksandr Loekasjenko", "nl"}, {"Alexander Lukashenko", "en"}, {"Alexandr Loekasjenko", "nl"}, {"Lukaschenko", "de"}, {"Loukachenko", "fr"}, {"Лукашенко", "ru"}, {"Александр Лукашенко", "ru"}, {"Аляксандр Лукашэнка", "be"}, {"Sjoigoe", "nl"}, {"Shoigu", "en"}, {"Schoigu", "de"}, {"Choïgou", "fr"}, {"Шойгу", "ru"}, {"Chrenin", "nl"}, {"Khrenin", "en"}, {"Poetin", "nl"}, {"Putin", "en"}, {"Poutine", "fr"}, {"Путин", "ru"}, {"Kim Jong-un", "nl"}, {"Xi Jinping", "en"}, {"Володимир Зеленський", "uk"}, {"Selenskyj", "de"}, {"Zelensky", "en"}, {"Sergueï Choïgou", "fr"}, {"Sergej Sjojgoe", "nl"}, {"Łukaszenka", "pl"}, {"Wit-Rusland", "nl"}, {"Ельцин", "ru"}, {"Jeltsin", "nl"}, {"Yeltsin", "en"}, {"Eltsine", "fr"}, {"Jelzin", "de"}} {
		fmt.Printf("%-25s %s %q\n", c[0], c[1], Key(c[0], c[1]))
	}
}
