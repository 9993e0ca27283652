import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './app.vue'
import { i18n, currentLocale } from './locales'
import { createAppRouter } from './router'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()

app.use(pinia)
app.use(i18n)
app.use(ElementPlus)
app.use(createAppRouter(pinia))

document.documentElement.lang = currentLocale()
app.mount('#app')
